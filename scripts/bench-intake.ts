// npm run bench:intake [-- --posts 30000 --posters 50 --duration 20]
// Posting under load: seeds a SQLite database (or uses DATABASE_URL as it is
// with --url, for a server you started yourself), then measures
//   1. the latency of one guest posting at a time, and
//   2. /healthz, probed once a second with a 2 s deadline (as a load balancer
//      would), while --posters guests post as fast as they are answered.
// Every poster is its own guest (cookie and X-Forwarded-For address, with
// TRUST_PROXY=1), and the rate limit is lifted for the run and put back, so
// every request is a real, stored post. A benchmark, not a test.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    posts: { type: "string", default: "30000" },
    posters: { type: "string", default: "50" },
    duration: { type: "string", default: "20" },
    sequential: { type: "string", default: "200" },
    port: { type: "string", default: "3210" },
    url: { type: "string" },
    /** Each post with an email and "Email me" ticked: a subscription and a confirmation email in its transaction. */
    subscribe: { type: "boolean", default: false },
  },
});
const SLUG = "no-contact-after-a-breakup";
const posters = Number(values.posters);
const duration = Number(values.duration) * 1000;

function step(title: string, args: string[], env: Record<string, string>) {
  const result = spawnSync("node_modules/.bin/tsx", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${title} failed`);
}

let server: ChildProcess | null = null;
let base = values.url;
if (!base) {
  if (!existsSync("build/server/index.js")) throw new Error("Build the app first: npm run build");
  const file = `./data/bench-intake-${values.posts}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
  console.log(`Seeding ${file} with ${values.posts} generated posts…`);
  step("migrate", ["scripts/db-migrate.ts"], {});
  step("seed", ["scripts/db-seed.ts", "--posts", values.posts], {});
  base = `http://127.0.0.1:${values.port}`;
  server = spawn(process.execPath, ["scripts/server.js"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: values.port, LOG_REQUESTS: "0", TRUST_PROXY: "1" },
  });
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error("the server exited before it was ready");
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 150) throw new Error("the server did not answer /healthz");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Imported only now, so that the app's database client opens DATABASE_URL as set above.
const { db } = await import("~/db.server");
const { formShownCookie, guestCookie } = await import("~/security/cookies.server");
const { getSettings, setSetting } = await import("~/settings/settings.server");

const total = await db.post.count();
const before = await getSettings();
await setSetting("rateLimit", 1_000_000);

const pair = (setCookie: string) => setCookie.split(";")[0];
async function guest(n: number) {
  const form = pair(await (await formShownCookie()).serialize({ t: Date.now() - 60_000 }));
  const key = pair(await (await guestCookie()).serialize({ key: `bench-${Date.now()}-${n}`, name: "Bench" }));
  return { cookie: `${form}; ${key}`, address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

let sent = 0;
async function postOnce(as: { cookie: string; address: string }) {
  const n = ++sent;
  const started = performance.now();
  const response = await fetch(`${base}/articles/${SLUG}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: base!,
      Cookie: as.cookie,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": as.address,
    },
    body: new URLSearchParams({
      intent: "ask",
      name: "Bench reader",
      email: values.subscribe ? `bench-${n}@example.com` : "",
      ...(values.subscribe ? { subscribe: "on" } : {}),
      section: "article",
      body: `How long did the first week take for you? Bench question ${n} ${Math.random()}`,
    }),
  });
  await response.arrayBuffer();
  if (response.status !== 302) throw new Error(`a post answered ${response.status}`);
  return performance.now() - started;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (value: number) => `${value.toFixed(1)} ms`;

try {
  console.log(`\n${total.toLocaleString("en-US")} posts in the database; ${base}`);
  const one = await guest(0);
  const latencies: number[] = [];
  for (let i = 0; i < Number(values.sequential); i++) latencies.push(await postOnce(i % 5 ? one : await guest(i)));
  latencies.sort((a, b) => a - b);
  console.log(
    `One poster at a time, ${latencies.length} posts: median ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, max ${ms(latencies.at(-1)!)}`,
  );

  const until = Date.now() + duration;
  let posted = 0;
  let failed = 0;
  const loads = Array.from({ length: posters }, async (_, i) => {
    const as = await guest(1000 + i);
    while (Date.now() < until) {
      try {
        await postOnce(as);
        posted++;
      } catch {
        failed++;
      }
    }
  });
  const probes: (number | null)[] = [];
  const probing = (async () => {
    while (Date.now() < until) {
      const started = performance.now();
      try {
        const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        probes.push(response.ok ? performance.now() - started : null);
      } catch {
        probes.push(null);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (performance.now() - started))));
    }
  })();
  await Promise.all([...loads, probing]);
  const answered = probes.filter((p): p is number => p !== null).sort((a, b) => a - b);
  console.log(
    `${posters} posters for ${duration / 1000} s: ${posted} posts (${(posted / (duration / 1000)).toFixed(0)}/s), ${failed} failed; ` +
      `/healthz ${answered.length} of ${probes.length} probes answered within 2 s` +
      (answered.length ? `, median ${ms(quantile(answered, 0.5))}, max ${ms(answered.at(-1)!)}` : ""),
  );
} finally {
  await setSetting("rateLimit", before.rateLimit);
  await db.$disconnect();
  server?.kill("SIGTERM");
}
