// Part 6: the database in trouble. On SQLite, the file's filesystem (a small
// tmpfs mounted for this test; it needs root, as CI has) remounted read-only,
// then filled to the last byte; on PostgreSQL, the server stopped (a relay
// in front of it cut: new connections refused, open ones dropped). Meanwhile
// a post answers a kind 503 (a page saying what happened, never a 500 or a
// stack trace) and stores nothing, /healthz answers 503, and pages either
// still read (SQLite can read a full or read-only file) or answer the same
// kind 503. Once the database is back, service returns by itself: counted,
// the seconds it takes, up to 30.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { TMP_DIR, testProvider } from "../support/test-database";
import type { Visitor } from "../support/visitors";
import { record } from "./tally";

const POSTGRES = testProvider() === "postgresql";
const mountPoint = path.join(TMP_DIR, `trouble-${process.pid}`);
let server: AppServer;
let proxy: TcpProxy | null = null;
let reader: Visitor;
// Imported once the database has moved: what touches it opens it at import.
let load: typeof import("./load");
let visitors: typeof import("../support/visitors");
let mounted = false;
let serverEnv: Record<string, string>;

function sh(command: string, args: string[]) {
  execFileSync(command, args, { stdio: "pipe" });
}

beforeAll(async () => {
  const env: Record<string, string> = { TRUST_PROXY: "1", DATABASE_POOL_SIZE: "5", VERSION_CHECK_MS: "0" };
  if (POSTGRES) {
    const direct = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const relayed = new URL(direct);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(proxy.port);
    env.DATABASE_URL = relayed.toString();
  } else {
    // The test's database moves to a filesystem of its own, 48 MB, before anything opens it.
    mkdirSync(mountPoint, { recursive: true });
    sh("mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", mountPoint]);
    mounted = true;
    const file = path.join(mountPoint, "afterword.db");
    copyFileSync(process.env.DATABASE_URL!.replace(/^file:/, ""), file);
    process.env.DATABASE_URL = env.DATABASE_URL = `file:${file}`;
    delete (globalThis as { __afterwordDb?: unknown }).__afterwordDb;
  }
  const { seed } = await import("../../scripts/seed/seed");
  load = await import("./load");
  visitors = await import("../support/visitors");
  await seed();
  serverEnv = env;
  server = await startAppServer(env);
  await load.raiseLimits(server.url);
  [reader] = await load.posters(1);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await proxy?.stop();
  if (mounted) {
    const { db } = await import("~/db.server");
    await db.$disconnect();
    execFileSync("umount", ["-l", mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 503 a person can read: HTML that says what happened, with no stack trace. */
async function kind503(response: Response): Promise<string | null> {
  const text = await response.text();
  if (response.status !== 503) return `answered ${response.status}`;
  if (!/text\/html/.test(response.headers.get("Content-Type") ?? "")) return "a 503 that is not a page";
  if (!/database/i.test(text) || /\bat \S+:\d+|Error:/.test(text)) return "a 503 that does not say what happened";
  return null;
}

async function trouble(name: string, breakIt: () => Promise<void> | void, fixIt: () => Promise<void> | void) {
  const { ARTICLE_PATH, askForm, sendForm } = visitors;
  const started = Date.now();
  const problems: string[] = [];
  const seen: string[] = [];
  let tried = 0;
  const text = `Written while the database was in trouble (${name}), ${Date.now()}`;
  await breakIt();
  try {
    await sleep(300);
    tried++;
    const health = await fetch(`${server.url}/healthz`);
    if (health.status !== 503) problems.push(`/healthz answered ${health.status}`);
    seen.push(`/healthz ${health.status}`);
    tried++;
    const posted = await sendForm(server.url, ARTICLE_PATH, askForm(text), reader);
    seen.push(`a post ${posted.status}`);
    const bad = await kind503(posted);
    if (bad) problems.push(`a post: ${bad}`);
    for (const [who, cookie] of [
      ["a guest", ""],
      ["a signed-in reader", reader.cookie],
    ]) {
      for (const page of [ARTICLE_PATH, `${ARTICLE_PATH}/questions/1`, "/", "/login"]) {
        tried++;
        const response = await fetch(server.url + page, { headers: cookie ? { Cookie: cookie } : {} });
        seen.push(`${page === "/" ? "/" : page.split("/").pop()} (${who.split(" ").pop()}) ${response.status}`);
        if (response.status === 200) continue;
        const wrong = await kind503(response);
        if (wrong) problems.push(`${page} for ${who}: ${wrong}`);
      }
    }
  } finally {
    await fixIt();
  }
  // Back by itself: healthy, and a post goes through, without a restart.
  tried++;
  const fixedAt = Date.now();
  let back = false;
  while (Date.now() - fixedAt < 30_000) {
    const health = await fetch(`${server.url}/healthz`).catch(() => null);
    if (health?.status === 200) {
      const again = await sendForm(
        server.url,
        ARTICLE_PATH,
        askForm(`After the trouble (${name}), ${Date.now()}`),
        reader,
      );
      if (again.status === 302) {
        back = true;
        break;
      }
    }
    await sleep(250);
  }
  if (!back) problems.push("service did not return within 30 s");
  console.log(
    `${name}: ${seen.join(", ")}; back ${((Date.now() - fixedAt) / 1000).toFixed(1)} s after the database was`,
  );
  // Nothing half-written: the refused post is not there, and numbers and counts agree with the rows.
  const { db } = await import("~/db.server");
  tried++;
  if ((await db.post.count({ where: { bodySource: text } })) !== 0) problems.push("the refused post was stored");
  const numbers = await load.numberProblems();
  const counts = await load.replyCountProblems();
  problems.push(...numbers.problems, ...counts.problems);
  record("6", `database in trouble: ${name}`, tried, problems, started);
}

describe("the database in trouble", () => {
  it.skipIf(POSTGRES)("SQLite: the file's filesystem read-only", async () => {
    // A filesystem with a file open for writing cannot be remounted read-only: the
    // server is stopped, the filesystem made read-only, and the server started on it
    // (as after a restart on a volume the kernel turned read-only). Made writable
    // again while the server runs, service must come back without another restart.
    const { db } = await import("~/db.server");
    await trouble(
      "SQLite file read-only",
      async () => {
        await server.stop();
        await db.$disconnect();
        sh("mount", ["-o", "remount,ro", mountPoint]);
        server = await startAppServer({ ...serverEnv, PORT: String(server.port) }, "listening");
      },
      () => sh("mount", ["-o", "remount,rw", mountPoint]),
    );
  });

  it.skipIf(POSTGRES)("SQLite: the disk full", async () => {
    const filler = path.join(mountPoint, "filler");
    await trouble(
      "SQLite disk full",
      () => {
        // Fill every byte left: a large write, then smaller ones, until the filesystem refuses.
        for (const size of [1 << 20, 1 << 12, 1]) {
          try {
            for (;;) writeFileSync(filler, Buffer.alloc(size), { flag: "a" });
          } catch {
            // full at this size; try a smaller one
          }
        }
      },
      () => rmSync(filler, { force: true }),
    );
  });

  it.skipIf(!POSTGRES)("PostgreSQL: the server stopped", async () => {
    await trouble(
      "PostgreSQL stopped",
      () => proxy!.stop(),
      () => proxy!.start(),
    );
  });
});
