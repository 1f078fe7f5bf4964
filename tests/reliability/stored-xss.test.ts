// Part 1: stored cross-site scripting, in a real browser. Every payload of
// xss-payloads.ts is posted through the app's own forms (as the browser would
// send them) into the fields people fill: question and reply bodies, guest
// names, display names, report reasons, ban reasons, reply template names and
// bodies, protected source titles and texts, banned words, an author's
// answer, the address to follow answers at, a comment imported from WordPress. Then every page that shows them is opened in Chromium with
// JavaScript on, as a guest and as each staff role, and each is counted
// twice over: payloads that ran (they call __xss(n), bound to the test), and
// payloads that survive as active markup though the CSP blocked them (an
// event-handler attribute, a javascript:, vbscript: or data:text/html
// address, a script, frame, object, embed, base, meta refresh or stylesheet
// of theirs, or a CSP violation report naming them). Both must be 0.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, it } from "vitest";
import { chromium, type Browser } from "playwright";
import { createSession, generateSessionToken } from "~/auth/sessions.server";
import { db } from "~/db.server";
import { runImport } from "~/import/import.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { testProvider } from "../support/test-database";
import { articleDir } from "../support/content";
import { writeExport, wxr } from "../support/import-files";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, type Visitor, sendForm, visitor } from "../support/visitors";
import { raiseLimits, settingsForm } from "./load";
import { record } from "./tally";
import { PAYLOADS, payloadNumbers } from "./xss-payloads";

let server: AppServer;
let browser: Browser;
const placed: string[] = [];
/** Not an address: a page the test writes itself, with a payload active on it, to check the instruments. */
const CONTROL = "control:active-payload";
const refusedPlacements: string[] = [];

beforeAll(async () => {
  if (testProvider() === "postgresql") return;
  await seed();
  server = await startAppServer({ TRUST_PROXY: "1", DATABASE_POOL_SIZE: "10" });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Publish at once (review after), long posts and links allowed. */
const PUBLISH_AT_ONCE = { moderationMode: "post", maxLinks: "50", softLimit: "10000", hardLimit: "50000" };

/** Groups of five payloads, one group per multi-line field. */
const groups: number[][] = [];
for (let i = 0; i < PAYLOADS.length; i += 5) groups.push(PAYLOADS.slice(i, i + 5).map((_, j) => i + j));
const text = (group: number[]) => group.map((i) => PAYLOADS[i]).join("\n\n");

/** Runs `work` on every item, four at a time (a reader's browser opens about as many connections). */
async function inParallel<T>(items: Iterable<T>, work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** Posts `fields` and counts what the form took: each payload number in `numbers`, in `field`. */
async function place(field: string, numbers: number[], path: string, fields: Record<string, string>, as: Visitor) {
  const response = await sendForm(server.url, path, fields, as);
  await response.arrayBuffer();
  const ok = response.status === 302 || response.status === 200;
  for (const n of numbers) (ok ? placed : refusedPlacements).push(`${field}:${n}`);
  return response;
}

async function session(userId: string) {
  const token = generateSessionToken();
  await createSession(token, userId);
  return `aw_session=${token}`;
}

// What a page shows does not depend on the database: this part runs on SQLite only.
describe.skipIf(testProvider() === "postgresql")("stored cross-site scripting", () => {
  it("runs no payload and leaves none active, on any page, for any role", async () => {
    const started = Date.now();
    // As an admin would: publish at once (review after), long posts and links allowed.
    await raiseLimits(server.url, PUBLISH_AT_ONCE);
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const author = await visitor({ session: await session(article.authorId!) });
    const moderator = await visitor({ session: (await userWithSession("moderator")).cookie });
    const admin = await visitor({ session: (await userWithSession("admin")).cookie });
    const guest = () => visitor({ guestKey: `xss-${Math.random().toString(36).slice(2)}` });

    // Questions: a group of payloads as the body, one as the guest's name.
    const questions: number[] = [];
    await inParallel(groups, async (group) => {
      await place(
        "question body",
        group,
        ARTICLE_PATH,
        { intent: "ask", name: "Guest", email: "", section: "article", body: text(group) },
        await guest(),
      );
      await place(
        "guest name",
        [group[0]],
        ARTICLE_PATH,
        {
          intent: "ask",
          name: PAYLOADS[group[0]],
          email: "",
          section: "article",
          body: `A plain question from a guest named oddly, ${group[0]}`,
        },
        await guest(),
      );
    });
    for (const q of await db.post.findMany({
      where: { articleId: article.id, parentId: null, status: "published" },
      select: { id: true },
      orderBy: { id: "desc" },
      take: 8,
    })) {
      questions.push(q.id);
    }
    // Replies: every payload as a reply's body and as its writer's name, under four questions.
    await inParallel(PAYLOADS.entries(), async ([i, payload]) => {
      await place(
        "reply body and guest name",
        [i],
        ARTICLE_PATH,
        { intent: "reply", parentId: String(questions[i % 4]), name: payload.slice(0, 80), email: "", body: payload },
        await guest(),
      );
    });
    // Display names: readers name themselves on their account page, then reply under a fifth question.
    // (Their accounts are made first: the test writing to the file while the server does makes both wait.)
    const readers: Visitor[] = [];
    for (const _ of groups) readers.push(await visitor({ session: (await userWithSession("reader")).cookie }));
    await inParallel(groups.entries(), async ([g, group]) => {
      const as = readers[g];
      await place(
        "display name",
        [group[1] ?? group[0]],
        "/account",
        { intent: "profile", name: PAYLOADS[group[1] ?? group[0]], queueDigest: "none" },
        as,
      );
      await place(
        "reply body (reader)",
        group,
        ARTICLE_PATH,
        { intent: "reply", parentId: String(questions[4]), name: "", email: "", body: text(group) },
        as,
      );
    });
    // Follow: every payload as the address to send answers to (the form takes an address and nothing else).
    await inParallel(PAYLOADS.entries(), async ([i, payload]) => {
      await place(
        "follow email",
        [i],
        ARTICLE_PATH,
        { intent: "follow", email: `${payload.replace(/\s/g, "")}@example.com` },
        await guest(),
      );
    });
    // Report reasons (the form offers a fixed list; anything else must be refused, or shown safely).
    await inParallel(PAYLOADS.entries(), async ([i, payload]) => {
      await place(
        "report reason",
        [i],
        ARTICLE_PATH,
        { intent: "report", postId: String(questions[i % 8]), reason: payload },
        await guest(),
      );
    });
    // Ban reasons: a moderator bans throwaway posts, each with a group as the reason.
    await inParallel(groups.slice(0, 40), async (group) => {
      const spam = await place(
        "(spam to ban)",
        [],
        ARTICLE_PATH,
        { intent: "ask", name: "Seller", email: "", section: "article", body: `Buy things ${group[0]} now` },
        await guest(),
      );
      void spam;
      const post = await db.post.findFirstOrThrow({ where: { bodySource: `Buy things ${group[0]} now` } });
      await place(
        "ban reason",
        group,
        "/moderation?index",
        {
          intent: "ban",
          postId: String(post.id),
          revision: String(post.revision),
          status: post.status,
          confirmed: "yes",
          banFor: "week",
          // Kept on the list of bans (/moderation/bans), which every role's crawl opens.
          banReason: group
            .map((i) => PAYLOADS[i])
            .join(" ")
            .slice(0, 500),
        },
        moderator,
      );
    });
    // The author's reply templates and protected sources.
    await inParallel(groups, async (group) => {
      await place(
        "template name and body",
        group,
        "/author/templates",
        {
          intent: "save",
          name: PAYLOADS[group[0]].slice(0, 80),
          category: PAYLOADS[group[1] ?? group[0]].slice(0, 40),
          body: text(group),
        },
        author,
      );
    });
    await inParallel(groups.slice(0, 60), async (group) => {
      await place(
        "protected source title and text",
        group,
        "/author/protected",
        {
          intent: "add",
          title: PAYLOADS[group[0]].slice(0, 200),
          text: `${text(group)}\n\n${"The course text goes on at length here. ".repeat(5)}`,
        },
        author,
      );
    });
    // The author answers questions with payloads (they are in the answers feed and the thread feeds).
    // (Groups the protected sources do not hold: the copyright guard would rightly stop those.)
    await inParallel(groups.slice(-10).entries(), async ([k, group]) => {
      await place(
        "author's answer",
        group,
        "/author",
        {
          intent: "answer",
          questionId: String(questions[k % 8]),
          body: text(group),
          templateId: "",
          overrideReason: "",
        },
        author,
      );
    });
    // An imported site: every group as a WordPress comment, a payload as its writer's name (an import is a form too).
    const content = articleDir();
    const exported = writeExport(
      content,
      "export.xml",
      wxr([
        {
          id: 9001,
          slug: "imported-payloads",
          title: "Imported payloads",
          comments: groups.map((group, k) => ({
            id: 1000 + k,
            author: PAYLOADS[group[0]],
            date: `2019-06-01 10:${String(k % 60).padStart(2, "0")}:00`,
            content: text(group),
          })),
        },
      ]),
    );
    const imported = await runImport({ format: "wordpress", file: exported, contentDir: content });
    for (const group of groups) for (const n of group) placed.push(`imported comment:${n}`);
    rmSync(content, { recursive: true, force: true });
    void imported;

    // Banned words, last (they would hold the posts above): every payload, a line each, in four saves.
    const lines = PAYLOADS.map((p) => p.replace(/\n/g, " "));
    const chunk = Math.ceil(lines.length / 4);
    const pages: { who: string; as: Visitor | null; path: string }[] = [];
    const visit = (who: string, as: Visitor | null, path: string) => pages.push({ who, as, path });

    const openPages = async () => {
      const ran = new Set<number>();
      const active = new Map<number, string>();
      const broken: string[] = [];
      const byRole = new Map<string, typeof pages>();
      for (const p of pages.splice(0)) byRole.set(p.who, [...(byRole.get(p.who) ?? []), p]);
      await inParallel(byRole, async ([who, list]) => {
        const context = await browser.newContext({ baseURL: server.url });
        const as = list[0].as;
        if (as) {
          const [name, value] = as.cookie
            .split("; ")
            .find((c) => c.startsWith("aw_session="))!
            .split("=");
          await context.addCookies([{ name, value, url: server.url }]);
        }
        await context.exposeFunction("__xss", (n: number) => ran.add(Number(n)));
        await context.addInitScript(() => {
          (window as unknown as { __violations: string[] }).__violations = [];
          document.addEventListener("securitypolicyviolation", (e) =>
            (window as unknown as { __violations: string[] }).__violations.push(
              `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
            ),
          );
        });
        const page = await context.newPage();
        for (const { path } of list) {
          if (path === CONTROL) {
            // The instruments' own check: a page where a payload is active, outside the app.
            await page.setContent(`<img src=x onerror="__xss(0)"><a href="javascript:__xss(0)">x</a>`);
          } else {
            const response = await page.goto(path, { waitUntil: "load" });
            if (!response || response.status() >= 400) broken.push(`${who} ${path}: ${response?.status()}`);
          }
          // A moment for autofocus, animations and media errors to fire.
          await page.waitForTimeout(60);
          const found = await page.evaluate(() => {
            const out: string[] = [];
            // Scripts are left to the CSP: a payload's is blocked, and the violation reported (above).
            const DANGEROUS_TAGS = new Set([
              "IFRAME",
              "FRAME",
              "OBJECT",
              "EMBED",
              "BASE",
              "META",
              "LINK",
              "STYLE",
              "APPLET",
            ]);
            // Every element: the app itself writes no event handler and no script address, so any is a payload's.
            for (const el of Array.from(document.querySelectorAll("*"))) {
              const attrs = Array.from(el.attributes);
              const handler = attrs.some((a) => a.name.toLowerCase().startsWith("on"));
              const url = attrs.some(
                (a) =>
                  /^(href|src|action|formaction|data|xlink:href|srcdoc|background|poster|style|code)$/i.test(a.name) &&
                  /(javascript|vbscript)\s*:|data:text\/html|expression\(|url\(/i.test(
                    a.value.replace(/[\s\p{Cc}]/gu, ""),
                  ),
              );
              const tag = DANGEROUS_TAGS.has(el.tagName) && el.outerHTML.includes("__xss");
              if (handler || url || tag || el.hasAttribute("srcdoc")) out.push(el.outerHTML.slice(0, 300));
            }
            return { out, violations: (window as unknown as { __violations: string[] }).__violations };
          });
          for (const html of [...found.out, ...found.violations]) {
            const numbers = html.includes("__xss") ? payloadNumbers(html) : [];
            if (numbers.length === 0) broken.push(`${who} ${path}: ${html.slice(0, 200)}`);
            for (const n of numbers) if (!active.has(n)) active.set(n, `${who} ${path}: ${html.slice(0, 200)}`);
          }
        }
        await context.close();
      });
      return { ran, active, broken };
    };

    // Every page that shows them, as the roles that see it (and, first, the instruments' control).
    visit("guest", null, CONTROL);
    const listed = await db.post.count({ where: { articleId: article.id, parentId: null, status: "published" } });
    for (const [who, as] of [
      ["guest", null],
      ["author", author],
      ["moderator", moderator],
      ["admin", admin],
    ] as const) {
      for (let p = 1; p <= Math.ceil(listed / 20); p++) visit(who, as, `${ARTICLE_PATH}?sort=newest&page=${p}`);
      const numbers = await db.post.findMany({
        where: { id: { in: questions.slice(0, 5) } },
        select: { number: true },
      });
      for (const { number } of numbers) visit(who, as, `${ARTICLE_PATH}/questions/${number}`);
    }
    for (const [who, as] of [
      ["guest", null],
      ["moderator", moderator],
    ] as const) {
      for (let p = 1; p <= Math.ceil(groups.length / 20); p++) visit(who, as, `/articles/imported-payloads?page=${p}`);
    }
    visit("guest", null, `${ARTICLE_PATH}/answers.atom`);
    const first = await db.post.findUniqueOrThrow({ where: { id: questions[0] } });
    visit("guest", null, `${ARTICLE_PATH}/questions/${first.number}/feed.atom`);
    visit("guest", null, "/");
    const inboxPages = Math.ceil(listed / 20) + 1;
    for (let p = 1; p <= inboxPages; p++) visit("author", author, `/author?page=${p}`);
    visit("author", author, "/author/templates");
    visit("author", author, "/author/protected");
    visit("author", author, "/author/sections");
    for (const who of ["moderator", "admin"] as const) {
      const as = who === "admin" ? admin : moderator;
      const queued = await db.post.count({
        where: { status: { in: ["pending", "published"] }, flags: { contains: "reported" } },
      });
      for (let p = 1; p <= Math.max(1, Math.ceil(queued / 25)); p++) visit(who, as, `/moderation?page=${p}`);
      const logged = await db.moderationAction.count();
      for (let p = 1; p <= Math.ceil(logged / 50); p++) visit(who, as, `/moderation/log?page=${p}`);
    }
    for (const id of questions.slice(0, 5)) visit("moderator", moderator, `/moderation/posts/${id}`);
    const mails = await db.outboxEmail.findMany({ select: { id: true }, orderBy: { id: "desc" }, take: 5 });
    visit("admin", admin, "/admin/mail");
    for (const { id } of mails) visit("admin", admin, `/admin/mail/${id}`);
    visit("admin", admin, "/admin/settings");
    const opened = pages.length;
    const postedIn = Date.now() - started;
    const results = [await openPages()];
    const openedIn = Date.now() - started - postedIn;

    // Banned words, four saves, the settings page and the queue after each.
    for (let c = 0; c < 4; c++) {
      const part = lines.slice(c * chunk, (c + 1) * chunk);
      await place(
        "banned words",
        part.map((_, j) => c * chunk + j),
        "/admin/settings",
        settingsForm({ ...PUBLISH_AT_ONCE, bannedWords: part.join("\n") }),
        admin,
      );
      visit("admin", admin, "/admin/settings");
      visit("admin", admin, "/moderation");
      results.push(await openPages());
    }

    const ran = new Set(results.flatMap((r) => [...r.ran]));
    const active = new Map(results.flatMap((r) => [...r.active]));
    const broken = results.flatMap((r) => r.broken);
    // The control's payload (number 0) must have been seen both running and active, or the instruments see nothing.
    if (!ran.delete(0) || !active.delete(0)) broken.push("the instruments missed the control page's active payload");
    const fields = new Set(placed.map((p) => p.split(":")[0]));
    const refusedBy = new Map<string, number>();
    for (const r of refusedPlacements) refusedBy.set(r.split(":")[0], (refusedBy.get(r.split(":")[0]) ?? 0) + 1);
    console.log(
      `${PAYLOADS.length} payloads, ${placed.length} placements taken by the forms in ${fields.size} fields ` +
        `(${[...fields].join(", ")}), ${refusedPlacements.length} refused by them (${[...refusedBy].map(([f, n]) => `${f} ${n}`).join(", ")}); ${opened + 8} page views. ` +
        `Posting took ${(postedIn / 1000).toFixed(1)} s, the first pass of pages ${(openedIn / 1000).toFixed(1)} s.`,
    );
    record(
      "1",
      `stored XSS: ${PAYLOADS.length} payloads, payloads that ran`,
      placed.length,
      [...ran].map((n) => `payload ${n} ran: ${PAYLOADS[n - 1]}`),
      started,
    );
    record(
      "1",
      `stored XSS: payloads left as active markup`,
      placed.length,
      [...active].map(([n, where]) => `payload ${n} active: ${where}`),
      started,
    );
    record("1", `stored XSS: pages opened without error`, opened + 8, broken, started);
  });
});
