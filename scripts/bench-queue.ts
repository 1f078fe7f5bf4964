// npm run bench:queue [-- --pending 10000 --requests 100]
// Fills a separate database's queue with pending posts, starts the built app,
// signs a moderator in, and times the queue page from this process: the
// median and 95th percentile of sequential requests. A benchmark, not a test.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    pending: { type: "string", default: "10000" },
    requests: { type: "string", default: "100" },
    port: { type: "string", default: "3201" },
  },
});
const pending = Number(values.pending);
const requests = Number(values.requests);
const file = `./data/bench-queue-${pending}.db`;
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const env = {
  ...process.env,
  DATABASE_URL: `file:${file}`,
  NODE_ENV: "production",
  PORT: values.port,
  LOG_REQUESTS: "0",
} as NodeJS.ProcessEnv;
process.env.DATABASE_URL = env.DATABASE_URL;

const run = (args: string[]) => {
  if (spawnSync("node_modules/.bin/tsx", args, { stdio: ["ignore", "ignore", "inherit"], env }).status !== 0) {
    throw new Error(`${args.join(" ")} failed`);
  }
};
if (!existsSync("build/server/index.js")) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });
run(["scripts/db-migrate.ts"]);
run(["scripts/db-seed.ts"]);

const { db } = await import("~/db.server");
const { createSession, generateSessionToken } = await import("~/auth/sessions.server");
const article = await db.article.findFirstOrThrow({ where: { slug: "no-contact-after-a-breakup" } });
console.log(`Adding ${pending} pending posts…`);
for (let i = 0; i < pending; i += 1000) {
  await db.post.createMany({
    data: Array.from({ length: Math.min(1000, pending - i) }, (_, k) => ({
      articleId: article.id,
      guestName: `Queued reader ${i + k}`,
      guestEmail: (i + k) % 3 === 0 ? `reader${i + k}@example.com` : null,
      bodySource: `Pending question number ${i + k}: how long should I wait before texting?`,
      bodyHtml: `<p>Pending question number ${i + k}: how long should I wait before texting?</p>`,
      status: "pending",
      flags: (i + k) % 7 === 0 ? "long" : "",
    })),
  });
}
const moderator = await db.user.findUniqueOrThrow({ where: { email: "sam@afterword.example" } });
const token = generateSessionToken();
await createSession(token, moderator.id);
await db.$disconnect();

const server = spawn("node", ["scripts/server.js"], { env, stdio: ["ignore", "ignore", "inherit"] });
try {
  const url = `http://127.0.0.1:${values.port}/moderation`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${values.port}/healthz`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const headers = { Cookie: `aw_session=${token}`, Accept: "text/html" };
  const first = await fetch(url, { headers });
  const html = await first.text();
  if (!first.ok || !html.includes("Queued reader 0")) throw new Error(`/moderation answered ${first.status}`);
  const times: number[] = [];
  for (let i = 0; i < requests + 10; i++) {
    const started = performance.now();
    const response = await fetch(`${url}?page=${1 + (i % 5)}`, { headers });
    await response.arrayBuffer();
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(
    `GET /moderation with ${pending} pending posts, ${requests} sequential requests (pages 1–5): median ${at(0.5)} ms, p95 ${at(0.95)} ms`,
  );
} finally {
  server.kill("SIGTERM");
}
