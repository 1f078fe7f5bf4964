// npm run bench [-- --posts 1000[,5000] --duration 20 --connections 16]
// Seeds a separate SQLite database per size, starts the built app on it, and
// drives the demo article page from this process with autocannon, printing
// requests per second and latency. A benchmark, not a test: it asserts only
// that the page answered correctly.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    posts: { type: "string", default: "1000" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "16" },
    port: { type: "string", default: "3200" },
    path: { type: "string", default: "/articles/no-contact-after-a-breakup" },
  },
});
const sizes = values.posts.split(",").map(Number);
const duration = Number(values.duration);
const connections = Number(values.connections);
const port = Number(values.port);

function step(title: string, command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${title} failed`);
}

async function waitForHealth(url: string, server: ChildProcess) {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error("the server exited before it was ready");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

if (!existsSync("build/server/index.js")) {
  console.log("Building the app…");
  step("build", "node_modules/.bin/remix", ["vite:build"], {});
}

const results: string[] = [];
for (const posts of sizes) {
  const file = `./data/bench-${posts}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const env: Record<string, string> = {
    DATABASE_URL: `file:${file}`,
    NODE_ENV: "production",
    PORT: String(port),
    LOG_REQUESTS: "0",
  };
  console.log(`\nSeeding ${file} with ${posts} generated posts…`);
  step("migrate", "node_modules/.bin/tsx", ["scripts/db-migrate.ts"], env);
  step("seed", "node_modules/.bin/tsx", ["scripts/db-seed.ts", "--posts", String(posts)], env);

  const server = spawn("node", ["scripts/server.js"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/healthz`, server);
    const page = await fetch(base + values.path);
    const html = await page.text();
    if (!page.ok || !html.includes(`id="questions-title"`)) throw new Error(`${values.path} answered ${page.status}`);
    // Warm up the JIT and SQLite's page cache before measuring.
    // As a browser asks for a page (Remix's own data requests ask for */*).
    const headers = { accept: "text/html,application/xhtml+xml" };
    await autocannon({ url: base + values.path, connections, duration: 3, headers });
    const run = await autocannon({ url: base + values.path, connections, duration, headers });
    const line =
      `${posts} posts: ${run.requests.average.toFixed(0)} requests/s, ` +
      `latency p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms ` +
      `(${run.requests.total} requests, ${run.non2xx} non-2xx, ${run.errors} errors; ` +
      `${connections} connections, ${duration} s, page ${(html.length / 1024).toFixed(0)} KiB)`;
    console.log(line);
    results.push(line);
  } finally {
    server.kill("SIGTERM");
  }
}
console.log(`\nGET ${values.path}\n${results.join("\n")}`);
