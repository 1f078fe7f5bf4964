// Part 10: deployed as docs/deploy.md says. Two instances on one PostgreSQL
// database behind a real nginx (Debian's) with the guide's own configuration,
// on a non-default port (tests/support/nginx.ts changes only the ports and
// the cache's folder). It shows what the guide promises: a cookie-less
// visitor's second request is a cache HIT; a signed-in reader's page never
// comes from the cache; a new visitor's first post, from a cached page, is
// stored; a post approved on one instance is on the page through nginx
// within SHARED_PAGE_MAX_AGE seconds (as nginx counts them, in whole seconds,
// and the moment it takes to refresh its copy). PostgreSQL only: SQLite is one instance.
import { afterAll, beforeAll, describe, it } from "vitest";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { freePort } from "../../scripts/lib/free-port";
import { type AppServer, startAppServer } from "../support/app-server";
import { type Nginx, nginxInstalled, startNginx } from "../support/nginx";
import { testProvider } from "../support/test-database";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, askForm, newAddress, visitor } from "../support/visitors";
import { record } from "./tally";

const RUN = testProvider() === "postgresql" && (nginxInstalled() || Boolean(process.env.CI));
const MAX_AGE = 2;
let servers: AppServer[] = [];
let nginx: Nginx;
let site: string;

beforeAll(async () => {
  if (!RUN) return;
  await seed();
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  const env = { TRUST_PROXY: "1", SITE_URL: site, DATABASE_POOL_SIZE: "10", SHARED_PAGE_MAX_AGE: String(MAX_AGE) };
  servers = await Promise.all([startAppServer(env), startAppServer(env)]);
  nginx = await startNginx(
    servers.map((s) => s.port),
    port,
  );
}, 120_000);
afterAll(async () => {
  await nginx?.stop();
  await Promise.all(servers.map((s) => s.stop()));
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A page through nginx as a browser asks for it; its X-Cache and body. */
async function page(path: string, cookie = "") {
  const answer = await fetch(site + path, {
    headers: { "Accept-Encoding": "gzip", ...(cookie ? { Cookie: cookie } : {}) },
  });
  return { status: answer.status, cache: answer.headers.get("x-cache"), body: await answer.text() };
}

describe.skipIf(!RUN)("behind nginx, as docs/deploy.md configures it", () => {
  it("serves a cookie-less visitor's second request from the cache", async () => {
    const started = Date.now();
    const problems: string[] = [];
    const paths = [ARTICLE_PATH, `${ARTICLE_PATH}?sort=newest`, `${ARTICLE_PATH}?page=2`];
    for (const path of paths) {
      const first = await page(path);
      const second = await page(path);
      if (first.status !== 200) problems.push(`${path}: ${first.status}`);
      if (second.cache !== "HIT") problems.push(`${path}: the second request was ${second.cache}, not HIT`);
    }
    record("10", "nginx: a cookie-less visitor's second request is a HIT", paths.length, problems, started);
  });

  it("never serves a signed-in reader's page from the cache", async () => {
    const started = Date.now();
    const problems: string[] = [];
    const reader = await userWithSession("reader");
    for (let i = 0; i < 5; i++) {
      const seen = await page(ARTICLE_PATH, reader.cookie);
      if (seen.cache === "HIT" || seen.cache === "STALE") problems.push(`view ${i}: X-Cache ${seen.cache}`);
      if (!seen.body.includes("Signed in as")) problems.push(`view ${i}: not the reader's own page`);
    }
    // And nobody else is served their page.
    const stranger = await page(ARTICLE_PATH);
    if (stranger.body.includes("Signed in as")) problems.push("a stranger was served a signed-in page");
    record("10", "nginx: a signed-in reader's page never from the cache", 6, problems, started);
  });

  it("stores a new visitor's first post, sent from a page the cache served", async () => {
    const started = Date.now();
    const problems: string[] = [];
    const tries = 5;
    for (let i = 0; i < tries; i++) {
      const cached = await page(ARTICLE_PATH);
      if (cached.cache !== "HIT" && i > 0) problems.push(`try ${i}: the page was ${cached.cache}`);
      const text = `My first question here, sent from the cached page, try ${i} at ${Date.now()}?`;
      // No cookie at all: what a new visitor's browser has after a cached page.
      const sent = await fetch(site + ARTICLE_PATH, {
        method: "POST",
        body: new URLSearchParams(askForm(text, `New Visitor ${i}`)),
        headers: { Origin: site, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": newAddress() },
        redirect: "manual",
      });
      if (sent.status !== 302) problems.push(`try ${i}: answered ${sent.status}: ${(await sent.text()).slice(0, 200)}`);
      if (!(await db.post.findFirst({ where: { bodySource: text } }))) problems.push(`try ${i}: not stored`);
    }
    record("10", "nginx: a new visitor's first post is stored", tries, problems, started);
  });

  it(`shows a post approved on one instance through nginx within SHARED_PAGE_MAX_AGE (${MAX_AGE} s)`, async () => {
    const started = Date.now();
    const problems: string[] = [];
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const moderator = await visitor({ session: (await userWithSession("moderator")).cookie });
    const path = `${ARTICLE_PATH}?sort=newest`;
    const tries = 3;
    const delays: number[] = [];
    for (let i = 0; i < tries; i++) {
      const text = `Approved on one instance, seen through nginx? Round ${i} at ${Date.now()}`;
      const post = await createPost({
        articleId: article.id,
        guestName: "Waiting Will",
        body: text,
        status: "pending",
      });
      // The cache holds the page without it.
      await page(path);
      const before = await page(path);
      if (before.body.includes(text)) problems.push(`round ${i}: shown before approval`);
      // On one instance itself, not through nginx (the form comes from the site's pages: its Origin is the site's).
      const approved = await fetch(`${servers[i % 2].url}/moderation?index`, {
        method: "POST",
        body: new URLSearchParams({ intent: "approve", postId: String(post.id), revision: "0", status: "pending" }),
        headers: { Origin: site, Cookie: moderator.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      });
      if (approved.status !== 302) problems.push(`round ${i}: approving answered ${approved.status}`);
      const at = Date.now();
      let seenAfter: number | null = null;
      while (Date.now() - at < (MAX_AGE + 5) * 1000) {
        if ((await page(path)).body.includes(text)) {
          seenAfter = Date.now() - at;
          break;
        }
        await wait(100);
      }
      if (seenAfter === null) problems.push(`round ${i}: not shown within ${MAX_AGE + 5} s`);
      else {
        delays.push(seenAfter);
        // s-maxage as nginx counts it (in whole seconds, so up to one more), then the one stale answer it gives
        // while it fetches the new page in the background, and this loop's step.
        if (seenAfter > MAX_AGE * 1000 + 1500) problems.push(`round ${i}: shown after ${seenAfter} ms`);
      }
    }
    console.log(`approved posts shown through nginx after ${delays.join(", ")} ms (SHARED_PAGE_MAX_AGE=${MAX_AGE})`);
    record("10", "nginx: an approval shown within SHARED_PAGE_MAX_AGE", tries, problems, started);
  });
});
