// npm run bench:inbox [-- --posts 5000 --pending 300 --seconds 10]
// The staff pages at size: a separate SQLite file gets the demo topped up to
// `--posts` generated posts on the demo article (`npm run db:seed -- --posts`),
// readers' "me too" on a tenth of its open questions, and `--pending` posts
// waiting in the queue; then the built app is started on it and the author's
// inbox (each of its orders) and the moderation queue are timed by wrk, one
// request after another for `--seconds` (scripts/lib/wrk-sequence.ts), and
// weighed (HTML bytes, uncompressed). Budgets (issue 25): p95 at most 50 ms
// and at most 100 KB each. A benchmark, not a test: read what it prints.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { freePort } from "./lib/free-port";
import { hasWrk, wrkSequence } from "./lib/wrk-sequence";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    posts: { type: "string", default: "5000" },
    pending: { type: "string", default: "300" },
    seconds: { type: "string", default: "10" },
  },
});
const posts = Number(values.posts);
const pending = Number(values.pending);
const seconds = Number(values.seconds);
const file = `./data/bench-inbox-${posts}.db`;
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const env = {
  ...process.env,
  DATABASE_URL: `file:${file}`,
  NODE_ENV: "production",
  LOG_REQUESTS: "0",
} as NodeJS.ProcessEnv;
process.env.DATABASE_URL = env.DATABASE_URL;
if (!hasWrk()) {
  console.error("npm run bench:inbox times HTTP with wrk: apt-get install wrk");
  process.exit(1);
}

const run = (args: string[]) => {
  if (spawnSync("node_modules/.bin/tsx", args, { stdio: ["ignore", "ignore", "inherit"], env }).status !== 0) {
    throw new Error(`${args.join(" ")} failed`);
  }
};
if (!existsSync("build/server/index.js")) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });
run(["scripts/db-migrate.ts"]);
run(["scripts/db-seed.ts", "--posts", String(posts)]);

const { db } = await import("~/db.server");
const { createSession, generateSessionToken } = await import("~/auth/sessions.server");
const { addMark } = await import("~/posts/reader-marks.server");
const { createPost } = await import("~/posts/posts.server");
const article = await db.article.findFirstOrThrow({ where: { slug: "no-contact-after-a-breakup" } });
const open = await db.post.findMany({
  where: { articleId: article.id, parentId: null, status: "published", authorAnswered: false },
  select: { id: true },
});
let marks = 0;
for (const [i, question] of open.entries()) {
  if (i % 10 !== 0) continue;
  for (let k = 0; k <= i % 7; k++) {
    await addMark({
      postId: question.id,
      kind: "me-too",
      marker: { userId: null, guestKey: `bench-${i}-${k}`, ipHash: null },
    });
    marks++;
  }
}
for (let i = 0; i < pending; i++) {
  await createPost({
    articleId: article.id,
    guestName: `Waiting reader ${i}`,
    body: `A question waiting for a moderator, number ${i}: is it too soon to text after eighteen days of silence?`,
    status: "pending",
  });
}
const session = async (email: string) => {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const token = generateSessionToken();
  await createSession(token, user.id);
  return `aw_session=${token}`;
};
const author = await session("nora@afterword.example");
const moderator = await session("sam@afterword.example");
const total = await db.post.count();
await db.$disconnect();

const port = await freePort();
const server: ChildProcess = spawn("node", ["scripts/server.js"], {
  env: { ...env, PORT: String(port) },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  console.log(
    `\nSQLite, ${total.toLocaleString("en-US")} posts (${open.length} open questions on the demo article, ${marks} “me too”, ${pending} pending)`,
  );
  const cases: [string, string[], string][] = [
    ["GET /author (most wanted first, pages 1-3)", ["/author", "/author?page=2", "/author?page=3"], author],
    ["GET /author?sort=newest", ["/author?sort=newest"], author],
    ["GET /author?sort=oldest", ["/author?sort=oldest"], author],
    ["GET /author/insights", ["/author/insights"], author],
    ["GET /moderation (pages 1-3)", ["/moderation", "/moderation?page=2", "/moderation?page=3"], moderator],
  ];
  for (const [label, paths, cookie] of cases) {
    const headers = { Cookie: cookie, Accept: "text/html" };
    const first = await fetch(base + paths[0], { headers: { ...headers, "Accept-Encoding": "identity" } });
    const bytes = Buffer.byteLength(await first.text());
    if (!first.ok) throw new Error(`${paths[0]} answered ${first.status}`);
    const latency = await wrkSequence(base, paths, headers, seconds);
    console.log(
      `${label.padEnd(46)} median ${latency.p50.toFixed(1).padStart(5)} ms   p95 ${latency.p95.toFixed(1).padStart(5)} ms   ` +
        `${(bytes / 1024).toFixed(1).padStart(6)} KB of HTML   (${latency.requests} requests, wrk)`,
    );
  }
} finally {
  server.kill("SIGTERM");
}
