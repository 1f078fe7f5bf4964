// nginx (from Debian's packages) in front of app instances, configured exactly
// as docs/deploy.md says: its nginx block is read from the guide, and only the
// ports (the one nginx listens on, the instances') and the cache's folder are
// changed. For the tests of what a deployment as the guide describes does.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const nginxInstalled = () => existsSync(NGINX);

export type Nginx = { url: string; port: number; stop: () => Promise<void>; errors: () => string };

/** The guide's nginx block, as printed in docs/deploy.md. */
export function guideConfig(): string {
  const guide = readFileSync("docs/deploy.md", "utf8");
  const block = /```nginx\n([\s\S]*?)```/.exec(guide)?.[1];
  if (!block) throw new Error("docs/deploy.md has no nginx block");
  return block;
}

/** The guide's configuration with its ports changed to `port` (nginx) and `upstreams` (the instances). */
export function configFor(port: number, upstreams: number[], cacheDir: string): string {
  let config = guideConfig();
  const servers = [...config.matchAll(/^\s*server 127\.0\.0\.1:\d+;$/gm)];
  if (servers.length === 0) throw new Error("the guide's upstream names no server");
  // One line per instance, in the place of the guide's lines.
  const first = servers[0].index!;
  const last = servers[servers.length - 1];
  const indent = /^\s*/.exec(servers[0][0])![0];
  config =
    config.slice(0, first) +
    upstreams.map((p) => `${indent}server 127.0.0.1:${p};`).join("\n") +
    config.slice(last.index! + last[0].length);
  const listen = /^(\s*)listen 80;$/m;
  if (!listen.test(config)) throw new Error("the guide's server block does not `listen 80;`");
  config = config.replace(listen, `$1listen 127.0.0.1:${port};`);
  config = config.replace(/proxy_cache_path \S+/, `proxy_cache_path ${cacheDir}`);
  return config;
}

/** Starts nginx in front of the instances on `upstreams` (on `port`, or a free one); resolves once it answers. */
export async function startNginx(upstreams: number[], port?: number): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), "afterword-nginx-"));
  // nginx's workers run as nobody when it is started by root: its folders must be theirs to write.
  for (const sub of ["cache", "temp"]) mkdirSync(path.join(dir, sub));
  for (const sub of [dir, path.join(dir, "cache"), path.join(dir, "temp")]) chmodSync(sub, 0o777);
  port ??= await freePort();
  const temp = path.join(dir, "temp");
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 512; }",
      "http {",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((k) => `  ${k}_temp_path ${temp}/${k};`),
      configFor(port, upstreams, path.join(dir, "cache")),
      "}",
    ].join("\n"),
  );
  execFileSync(NGINX, ["-t", "-q", "-e", `${dir}/error.log`, "-p", dir, "-c", `${dir}/nginx.conf`], { stdio: "pipe" });
  let output = "";
  const child: ChildProcess = spawn(NGINX, ["-e", `${dir}/error.log`, "-p", dir, "-c", `${dir}/nginx.conf`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer within 15 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const errors = () => {
    try {
      return readFileSync(`${dir}/error.log`, "utf8");
    } catch {
      return "";
    }
  };
  return {
    url,
    port,
    errors,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGQUIT");
      }),
  };
}
