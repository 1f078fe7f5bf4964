// npm run bench:search [-- --posts 100000 --requests 1000 --seconds 15 --postgres --compare ../old-checkout --keep --reuse]
// Similar questions and search over a large site: a separate database (a
// SQLite file, or with --postgres a schema of TEST_POSTGRES_URL's database)
// gets the demo and then `--posts` published posts written from the demo
// articles' own sentences (a quarter of them questions, the rest answers
// under them; 60% on one article; a quarter of the questions are stories of
// 100 to 300 words, as real readers write), then the built app is started on it and
// timed by wrk, one request after another for `--seconds` (after as long to
// warm up; scripts/lib/wrk-sequence.ts):
//   - the suggestions while asking (GET /articles/:slug/similar?q=), for the
//     labelled questions of tests/search/similar-pairs.ts and the short
//     rephrasings and long stories of tests/search/long-questions.ts;
//   - the search page (GET /search?q=), for one to three words of the articles;
//   - the article page, as a browser asks for it.
// The lookups are timed in this process too, `--requests` of each (the
// engine's query and the comparison, without HTTP). With --compare, the article page is timed again
// on another checkout's build (the commit before search) over the same
// database: the article page must be no slower with the feature.
// A benchmark, not a test: budgets are read from what it prints.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { request as httpRequest, Agent } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "./lib/free-port";
import { type Latency, hasWrk, wrkSequence } from "./lib/wrk-sequence";
import { SIMILAR_PAIRS } from "../tests/search/similar-pairs";
import { LONG_QUESTIONS } from "../tests/search/long-questions";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    posts: { type: "string", default: "100000" },
    requests: { type: "string", default: "1000" },
    seconds: { type: "string", default: "15" },
    postgres: { type: "boolean", default: false },
    compare: { type: "string" },
    keep: { type: "boolean", default: false },
    // Time again on the database a run with --keep left, without writing it anew.
    reuse: { type: "boolean", default: false },
  },
});
const total = Number(values.posts);
const requests = Number(values.requests);
const seconds = Number(values.seconds);
const SLUGS = ["no-contact-after-a-breakup", "how-to-plan-a-month-of-no-contact"];

let databaseUrl: string;
if (values.postgres) {
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error("--postgres needs TEST_POSTGRES_URL (see README, Testing)");
  const url = new URL(base);
  url.searchParams.set("schema", `bench_search_${total}`);
  databaseUrl = url.toString();
} else {
  const file = `./data/bench-search-${total}.db`;
  databaseUrl = `file:${file}`;
}
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production",
  LOG_REQUESTS: "0",
} as NodeJS.ProcessEnv;
process.env.DATABASE_URL = databaseUrl;

if (!hasWrk()) {
  console.error("npm run bench:search times HTTP with wrk: apt-get install wrk");
  process.exit(1);
}

const run = (args: string[]) => {
  if (spawnSync("node_modules/.bin/tsx", args, { stdio: ["ignore", "ignore", "inherit"], env }).status !== 0) {
    throw new Error(`${args.join(" ")} failed`);
  }
};
if (!existsSync("build/server/index.js")) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });

const { db } = await import("~/db.server");
const { computeSimilar, rebuildSearchIndex, searchPosts, similarQuestions } = await import("~/search/search.server");

async function fresh() {
  if (values.postgres) {
    const schema = new URL(databaseUrl).searchParams.get("schema")!;
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  } else {
    const file = databaseUrl.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}

/** The sentences of the demo articles, to write posts from: the site's own words, in their own proportions. */
function sentences(): string[] {
  const out: string[] = [];
  for (const name of readdirSync("content/articles")) {
    const text = readFileSync(path.join("content/articles", name), "utf8")
      .replace(/^---[\s\S]*?---/, "")
      .replace(/[#*_>`[\]{}()]/g, " ");
    for (const sentence of text.split(/(?<=[.?!])\s+/)) {
      const clean = sentence.replace(/\s+/g, " ").trim();
      if (clean.split(" ").length >= 5) out.push(clean);
    }
  }
  for (const pair of SIMILAR_PAIRS) out.push(pair.ask);
  for (const question of LONG_QUESTIONS) out.push(...question.body.split(/(?<=[.?!])\s+/));
  return out;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function fill() {
  await fresh();
  run(["scripts/db-migrate.ts"]);
  run(["scripts/db-seed.ts"]);
  const pool = sentences();
  const rand = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const text = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => pick(pool)).join(" ");
  const articles = await db.article.findMany({
    where: { slug: { in: SLUGS } },
    select: { id: true, slug: true, lastQuestionNumber: true, authorId: true, sections: { select: { id: true } } },
  });
  const started = Date.now();
  const questions = Math.round(total / 4);
  const at = new Date("2026-06-01T00:00:00Z");
  for (const article of articles) {
    const share = article.slug === SLUGS[0] ? 0.6 : 0.4;
    const count = Math.round(questions * share);
    for (let i = 0; i < count; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - i) }, (_, k) => {
        // A quarter are stories of 100 to 300 words (the articles' sentences run 15 to 20 words).
        const body = rand() < 0.25 ? text(6, 16) : text(1, 3);
        return {
          articleId: article.id,
          sectionId: article.sections.length ? pick(article.sections).id : null,
          guestName: `Reader ${i + k}`,
          bodySource: body,
          bodyHtml: `<p>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
          status: "published",
          number: article.lastQuestionNumber + i + k + 1,
          authorAnswered: rand() < 0.5,
          externalId: `bench-q-${i + k}`,
          publishedAt: at,
          createdAt: at,
        };
      });
      await db.post.createMany({ data: batch });
    }
    await db.article.update({
      where: { id: article.id },
      data: { lastQuestionNumber: article.lastQuestionNumber + count },
    });
  }
  const roots = await db.post.findMany({
    where: { externalId: { startsWith: "bench-q-" } },
    select: { id: true, articleId: true },
  });
  const authorOf = new Map(articles.map((a) => [a.id, a.authorId]));
  const answers = total - roots.length;
  for (let i = 0; i < answers; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, answers - i) }, (_, k) => {
      const root = pick(roots);
      const byAuthor = rand() < 0.3;
      const body = text(1, 4);
      return {
        articleId: root.articleId,
        parentId: root.id,
        rootId: root.id,
        depth: 2,
        userId: byAuthor ? authorOf.get(root.articleId) : null,
        guestName: byAuthor ? null : `Replier ${i + k}`,
        bodySource: body,
        bodyHtml: `<p>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
        status: "published",
        externalId: `bench-a-${i + k}`,
        publishedAt: at,
        createdAt: at,
      };
    });
    await db.post.createMany({ data: batch });
  }
  console.log(
    `Wrote ${total.toLocaleString("en-US")} published posts in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
  const rebuilt = Date.now();
  await rebuildSearchIndex();
  console.log(`npm run search:rebuild took ${((Date.now() - rebuilt) / 1000).toFixed(1)} s.`);
}

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const report = (label: string, times: number[]) =>
  console.log(
    `${label.padEnd(58)} median ${percentile(times, 0.5).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 0.95)
      .toFixed(1)
      .padStart(6)} ms   max ${Math.max(...times).toFixed(1)} ms   (${times.length} requests)`,
  );

const reportHttp = (label: string, { p50, p95, max, requests }: Latency) =>
  console.log(
    `${label.padEnd(58)} median ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   max ${max.toFixed(1)} ms   (${requests} requests, wrk)`,
  );

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function get(port: number, target: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest({ host: "127.0.0.1", port, path: target, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`${target}: ${res.statusCode}`));
        else resolve(performance.now() - started);
      });
    });
    req.on("error", reject);
    req.end();
  });
}

async function serve(root: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "scripts/server.js")], {
    cwd: root,
    env: {
      ...env,
      PORT: String(port),
      DATABASE_URL: databaseUrl.startsWith("file:./") ? `file:${path.resolve(databaseUrl.slice(5))}` : databaseUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      await get(port, "/healthz");
      return { port, child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the server in ${root} did not start`);
}

const asks = [
  ...new Set([
    ...SIMILAR_PAIRS.map((p) => p.ask),
    ...LONG_QUESTIONS.flatMap((q) => q.rephrasings),
    ...LONG_QUESTIONS.map((q) => q.body),
  ]),
];
const words = [...new Set(sentences().flatMap((s) => s.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
const searchRand = random(7);
const searches = Array.from({ length: requests }, () =>
  Array.from({ length: 1 + Math.floor(searchRand() * 3) }, () => words[Math.floor(searchRand() * words.length)]).join(
    " ",
  ),
);
const BROWSER = { Accept: "text/html", "Accept-Encoding": "gzip, deflate, br" };

async function timeArticle(port: number, label: string) {
  const pages = [1, 2, 3, 4, 5].map((page) => `/articles/${SLUGS[0]}?page=${page}`);
  reportHttp(label, await wrkSequence(`http://127.0.0.1:${port}`, pages, BROWSER, seconds));
}

if (!values.reuse) await fill();
const articleIds = await db.article.findMany({ where: { slug: { in: SLUGS } }, select: { id: true, slug: true } });
const mainId = articleIds.find((a) => a.slug === SLUGS[0])!.id;
const engine = values.postgres ? "PostgreSQL" : "SQLite";
console.log(
  `\n${engine}, ${(await db.post.count({ where: { status: "published" } })).toLocaleString("en-US")} published posts:`,
);

// In this process: the engine's query and the comparison, computed afresh each time (a reader's new text; nothing
// kept), for each kind of text asked; then as the pages ask, where an unchanged question's suggestions are kept.
const kinds: [string, string[]][] = [
  ["short labelled questions", [...new Set(SIMILAR_PAIRS.map((p) => p.ask))]],
  ["short rephrasings of long questions", LONG_QUESTIONS.flatMap((q) => q.rephrasings)],
  ["long stories (99 to 149 words)", LONG_QUESTIONS.map((q) => q.body)],
];
const all: number[] = [];
for (const [label, texts] of kinds) {
  const times: number[] = [];
  for (let i = 0; i < Math.max(texts.length, Math.round(requests / kinds.length)); i++) {
    const started = performance.now();
    await computeSimilar([{ text: texts[i % texts.length], articleId: mainId }]);
    times.push(performance.now() - started);
  }
  all.push(...times);
  report(`similar questions afresh: ${label}`, times);
}
report("similar questions afresh: all", all);
const lookups: number[] = [];
for (let i = 0; i < requests; i++) {
  const started = performance.now();
  await similarQuestions(asks[i % asks.length], { articleId: mainId });
  lookups.push(performance.now() - started);
}
report("similar questions as kept (repeated texts)", lookups);
const benchQuestions = await db.post.findMany({
  where: { externalId: { startsWith: "bench-q-" } },
  select: { bodySource: true },
});
const stories = benchQuestions.filter((p) => p.bodySource.split(/\s+/).length >= 100).length;
console.log(`  (questions of 100 words or more: ${stories} of ${benchQuestions.length})`);
const found: number[] = [];
for (const q of searches) {
  const started = performance.now();
  await searchPosts({ q });
  found.push(performance.now() - started);
}
report("search, in process", found);

const current = await serve(process.cwd());
try {
  const base = `http://127.0.0.1:${current.port}`;
  const similar = asks.map((q) => `/articles/${SLUGS[0]}/similar?${new URLSearchParams({ q })}`);
  reportHttp("GET /articles/:slug/similar?q= (a labelled question)", await wrkSequence(base, similar, {}, seconds));
  const pages = searches.map((q) => `/search?${new URLSearchParams({ q })}`);
  reportHttp("GET /search?q= (1 to 3 words of the articles)", await wrkSequence(base, pages, BROWSER, seconds));
  await timeArticle(current.port, "GET the article page (pages 1-5), this build");
} finally {
  current.child.kill("SIGTERM");
}
if (values.compare) {
  const before = await serve(path.resolve(values.compare));
  try {
    await timeArticle(before.port, `GET the article page (pages 1-5), ${values.compare}`);
  } finally {
    before.child.kill("SIGTERM");
  }
}
await db.$disconnect();
if (!values.keep && !values.reuse) await fresh();
