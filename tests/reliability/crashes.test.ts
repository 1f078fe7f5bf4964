// Part 4: crashes. The posting load of part 3 while the server is killed
// with SIGKILL three times and started again on the same port. Afterwards:
// no acknowledged post missing, the SQLite file passes PRAGMA
// integrity_check, and nothing half-applied: question numbers and reply
// counts agree with the rows, every approval in the audit log has its post
// published, and every guest's published post has its approval logged.
import { afterAll, beforeAll, describe, it } from "vitest";
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { testProvider } from "../support/test-database";
import { userWithSession } from "../support/users";
import { visitor } from "../support/visitors";
import { missingPosts, numberProblems, postingLoad, posters, raiseLimits, replyCountProblems } from "./load";
import { FULL, record } from "./tally";

let server: AppServer;
const ENV = { TRUST_PROXY: "1", DATABASE_POOL_SIZE: "10" };

beforeAll(async () => {
  await seed();
  server = await startAppServer(ENV);
});
afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("crashes", () => {
  it("loses nothing acknowledged and half-applies nothing across three SIGKILLs", async () => {
    const started = Date.now();
    await raiseLimits(server.url);
    const everyone = await posters(30);
    const moderators = await Promise.all(
      [1, 2].map(async () => visitor({ session: (await userWithSession("moderator")).cookie })),
    );
    const between = FULL ? 15_000 : 4_000;
    let done = false;
    const url = server.url;
    const running = postingLoad(
      () => url,
      everyone,
      () => done,
      moderators,
    );
    const kills: string[] = [];
    for (let k = 0; k < 3; k++) {
      await sleep(between);
      await server.kill();
      const downAt = Date.now();
      server = await startAppServer({ ...ENV, PORT: String(server.port) });
      kills.push(`killed and back in ${Date.now() - downAt} ms`);
    }
    await sleep(between);
    done = true;
    const load = await running;
    console.log(
      `${kills.join("; ")}. ${load.acknowledged.length} posts acknowledged, ${load.unanswered} requests lost ` +
        `to the kills, ${load.refused} refused, ${load.approved} approved`,
    );
    record(
      "4",
      "3 SIGKILLs under load: acknowledged posts stored",
      load.acknowledged.length,
      await missingPosts(load.acknowledged),
      started,
    );

    const numbers = await numberProblems();
    const counts = await replyCountProblems();
    const approvals = await db.moderationAction.findMany({
      where: { action: "approve", post: { article: { slug: DEMO_ARTICLE } } },
      select: { postId: true, post: { select: { status: true } } },
    });
    const guestsPublished = await db.post.findMany({
      where: {
        article: { slug: DEMO_ARTICLE },
        userId: null,
        status: VISIBLE_STATUS,
        bodySource: { startsWith: "Poster " },
      },
      select: { id: true },
    });
    const approved = new Set(approvals.map((a) => a.postId));
    const problems = [
      ...numbers.problems,
      ...counts.problems,
      ...approvals
        .filter((a) => a.post?.status !== VISIBLE_STATUS)
        .map((a) => `post ${a.postId}: approval logged, post ${a.post?.status}`),
      ...guestsPublished
        .filter((p) => !approved.has(p.id))
        .map((p) => `post ${p.id}: published with no approval logged`),
    ];
    record(
      "4",
      "3 SIGKILLs under load: nothing half-applied",
      numbers.checked + counts.checked + approvals.length + guestsPublished.length,
      problems,
      started,
    );
    if (testProvider() === "sqlite") {
      const rows = await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
      const verdict = rows.map((r) => r.integrity_check);
      record("4", "3 SIGKILLs under load: SQLite integrity_check", 1, verdict.join() === "ok" ? [] : verdict, started);
    }
  });
});
