// The production server (scripts/server.js over the built app) as a child
// process on this test file's own database, for tests that must see what a
// client on the network sees: headers, status codes, connections, and several
// instances working on one database at once. `npm test` builds the app first.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "../../scripts/lib/free-port";

export type AppServer = {
  url: string;
  port: number;
  /** SIGTERM, and waits for the process to end. */
  stop: () => Promise<void>;
  /** SIGKILL: the process ends at once, as in a crash or an out-of-memory kill. */
  kill: () => Promise<void>;
  output: () => string;
};

/** `env` adds to the server's environment (PORT to restart one where it was); a value of null leaves that variable out. */
export async function startAppServer(
  env: Record<string, string | null> = {},
  /** "listening": ready once it answers at all, for a server started on a database in trouble. */
  ready: "healthy" | "listening" = "healthy",
): Promise<AppServer> {
  if (!existsSync("build/server/index.js")) {
    throw new Error("No build of the app: run `npm run build` first (npm test does).");
  }
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let output = "";
  const merged: Record<string, string | null | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    LOG_REQUESTS: "0",
    PORT: String(port),
    DATABASE_URL: process.env.DATABASE_URL!,
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.js"], {
    env: Object.fromEntries(
      Object.entries(merged).filter((entry): entry is [string, string] => entry[1] != null),
    ) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    try {
      const health = await fetch(`${url}/healthz`);
      if (health.ok || ready === "listening") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not answer /healthz within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    output: () => output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };

  function end(signal: NodeJS.Signals) {
    return new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  }
}
