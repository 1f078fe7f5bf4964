// Part 5: two app instances on one PostgreSQL database (the multi-instance
// deployment; SQLite is single-instance, so this part runs on PostgreSQL
// only). A post made on one is on the other's page at once; one pending post
// decided on both at the same moment (approve and approve, approve and
// reject) gets one decision, one audit entry and at most one number; one
// visitor's rate limit holds across both, and thirty posts sent without any
// cookie from one address are held to one writer's; each outbox email goes
// out once though both instances run the sender. The decisions and the limits
// run once more through nginx configured as docs/deploy.md says.
import { afterAll, beforeAll, describe, it } from "vitest";
import { db } from "~/db.server";
import { enqueue } from "~/mail/outbox.server";
import { createPost } from "~/posts/posts.server";
import { VISIBLE_STATUS } from "~/model/status";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { type TestSmtp, startSmtp } from "../support/smtp";
import { testProvider } from "../support/test-database";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, askForm, newAddress, sendForm, visitor } from "../support/visitors";
import { type Nginx, nginxInstalled, startNginx } from "../support/nginx";
import { numberProblems, posters, raiseLimits, replyCountProblems } from "./load";
import { record } from "./tally";

const POSTGRES = testProvider() === "postgresql";
const BEHIND_NGINX = nginxInstalled() || Boolean(process.env.CI);
let nginx: Nginx | null = null;
let servers: AppServer[] = [];
let smtp: TestSmtp;
let articleId: string;

beforeAll(async () => {
  if (!POSTGRES) return;
  await seed();
  articleId = (await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } })).id;
  smtp = await startSmtp();
  const env = { TRUST_PROXY: "1", DATABASE_POOL_SIZE: "10", SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
  servers = await Promise.all([startAppServer(env), startAppServer(env)]);
  if (BEHIND_NGINX) nginx = await startNginx(servers.map((s) => s.port));
});
afterAll(async () => {
  await nginx?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  await smtp?.close();
});

describe.skipIf(!POSTGRES)("two instances on one PostgreSQL", () => {
  it("shows a post made on one instance on the other at once", async () => {
    const started = Date.now();
    await raiseLimits(servers[0].url);
    const [reader] = await posters(1);
    const problems: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [here, there] = i % 2 ? [servers[0], servers[1]] : [servers[1], servers[0]];
      const text = `Seen on the other instance? Round ${i}, ${Date.now()}`;
      const posted = await sendForm(here.url, ARTICLE_PATH, askForm(text), reader);
      if (posted.status !== 302) problems.push(`round ${i}: posting answered ${posted.status}`);
      // As a guest would read it: the kept page the other instance serves.
      const page = await (await fetch(`${there.url}${ARTICLE_PATH}?sort=newest`)).text();
      if (!page.includes(text)) {
        const row = await db.post.findFirst({ where: { bodySource: text } });
        const own = await (await fetch(`${here.url}${ARTICLE_PATH}?sort=newest`)).text();
        problems.push(
          `round ${i}: not on the other instance's page (${row?.status}, ${row?.number}, on its own: ${own.includes(text)})`,
        );
      }
    }
    record("5", "2 instances: a post shown on the other at once", 20, problems, started);
  });

  it("sends each outbox email once, though both instances send", async () => {
    const started = Date.now();
    const count = 60;
    const before = smtp.received.length;
    await db.$transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const subject = `Outbox once ${i}`;
        await enqueue(
          tx,
          { kind: "answer", to: `reader${i}@example.com`, subject, text: subject, html: `<p>${subject}</p>` },
          {
            confirmed: true,
          },
        );
      }
    });
    const deadline = Date.now() + 60_000;
    while (
      Date.now() < deadline &&
      (await db.outboxEmail.count({ where: { subject: { startsWith: "Outbox once" }, status: "sent" } })) < count
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const subjects = smtp.received.slice(before).map((m) => m.subject ?? "");
    const problems: string[] = [];
    for (let i = 0; i < count; i++) {
      const times = subjects.filter((s) => s === `Outbox once ${i}`).length;
      if (times !== 1) problems.push(`"Outbox once ${i}" received ${times} times`);
    }
    const senders = new Set(
      (
        await db.outboxEmail.findMany({ where: { subject: { startsWith: "Outbox once" } }, select: { leasedBy: true } })
      ).map((row) => row.leasedBy),
    );
    console.log(`${count} emails sent by ${senders.size} instance(s)`);
    record("5", "2 instances: each outbox email sent once", count, problems, started);
  });
});

/**
 * What must hold on both instances at once, sent to `urls()` (each instance directly, or nginx in front of both,
 * which hands each request to one of them in turn).
 */
function sharedChecks(where: string, urls: () => [string, string]) {
  it("gives one pending post decided on both at once one decision, one audit entry, at most one number", async () => {
    const started = Date.now();
    const [first, second] = [await userWithSession("moderator"), await userWithSession("moderator")];
    const asFirst = await visitor({ session: first.cookie });
    const asSecond = await visitor({ session: second.cookie });
    const problems: string[] = [];
    const pairs = [...Array.from({ length: 30 }, () => "approve"), ...Array.from({ length: 20 }, () => "reject")];
    const question = await createPost({
      articleId,
      guestName: "Q",
      body: "A question to reply under",
      status: "published",
    });
    for (const [i, other] of pairs.entries()) {
      // Questions (which take a number when published) and replies (which count on their question).
      const parentId = i % 2 ? question.id : undefined;
      const post = await createPost({
        articleId,
        parentId,
        guestName: "Twin",
        body: `Decided twice ${i}`,
        status: "pending",
      });
      const decide = (n: number, as: typeof asFirst, intent: string) =>
        sendForm(
          urls()[n],
          "/moderation?index",
          { intent, postId: String(post.id), revision: "0", status: "pending" },
          as,
        );
      const answers = await Promise.all([decide(0, asFirst, "approve"), decide(1, asSecond, other)]);
      const statuses = answers.map((a) => a.status).sort();
      if (statuses.join() !== "302,409")
        problems.push(`approve and ${other} of post ${post.id}: ${statuses.join(" and ")}`);
      const decisions = await db.moderationAction.count({ where: { postId: post.id } });
      if (decisions !== 1) problems.push(`approve and ${other} of post ${post.id}: ${decisions} audit entries`);
      const after = await db.post.findUniqueOrThrow({ where: { id: post.id } });
      if (after.status !== VISIBLE_STATUS && after.number !== null) {
        problems.push(`post ${post.id} is ${after.status} with the public number ${after.number}`);
      }
    }
    const numbers = await numberProblems();
    const counts = await replyCountProblems();
    record(
      "5",
      `${where}: twin decisions on one post`,
      pairs.length,
      [...problems, ...numbers.problems, ...counts.problems],
      started,
    );
  });

  it("holds one visitor to the rate limit across both instances", async () => {
    const started = Date.now();
    await raiseLimits(urls()[0], { rateLimit: "5", rateWindowMinutes: "10" });
    const guestKey = `both-${Date.now()}`;
    const as = await visitor({ guestKey });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sendForm(urls()[i % 2], ARTICLE_PATH, askForm(`A question sent to both instances, number ${i}`), as),
      ),
    );
    const accepted = responses.filter((r) => r.status === 302).length;
    const stored = await db.post.count({ where: { guestKey } });
    const problems = accepted === 5 && stored === 5 ? [] : [`${accepted} accepted, ${stored} stored of 30`];
    record("5", `${where}: one visitor's rate limit held across both`, 30, problems, started);
  });

  it("counts thirty posts sent at once without any cookie from one address as one writer's", async () => {
    const started = Date.now();
    await raiseLimits(urls()[0], { rateLimit: "5", rateWindowMinutes: "10" });
    const address = newAddress();
    const marker = `No cookie, ${where}, ${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(urls()[i % 2] + ARTICLE_PATH, {
          method: "POST",
          body: new URLSearchParams(askForm(`${marker}: question number ${i}`)),
          headers: {
            Origin: urls()[i % 2],
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": address,
          },
          redirect: "manual",
        }),
      ),
    );
    const errors = responses.filter((r) => r.status >= 500).length;
    const stored = await db.post.count({ where: { bodySource: { startsWith: marker } } });
    const problems = stored === 5 && errors === 0 ? [] : [`${stored} stored of 30, ${errors} answered 5xx`];
    record("5", `${where}: 30 cookie-less posts from one address held to one writer's limit`, 30, problems, started);
  });
}

describe.skipIf(!POSTGRES)("two instances on one PostgreSQL, each asked directly", () => {
  sharedChecks("2 instances", () => [servers[0].url, servers[1].url]);
});

describe.skipIf(!POSTGRES || !BEHIND_NGINX)("two instances behind nginx as docs/deploy.md configures it", () => {
  sharedChecks("2 instances behind nginx", () => [nginx!.url, nginx!.url]);
});
