// Latency of a list of requests sent one at a time, by wrk (-t1 -c1): its C
// client adds next to nothing to what it measures. (A JavaScript client in a
// process that also holds a Prisma client added 3 to 5 ms at the p95 of a
// 15 ms request, its own garbage collection and event loop timed with the
// server's.) Needs wrk on the PATH: apt-get install wrk.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type Latency = { p50: number; p95: number; p99: number; max: number; requests: number };

export function hasWrk(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

/**
 * GETs `paths` in turn from `base` (wrapping round) for `seconds`, after as
 * long again of the same requests to warm up, and returns the latency wrk
 * measured. Any answer but 2xx or 3xx fails it.
 */
export async function wrkSequence(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  seconds: number,
): Promise<Latency> {
  const dir = mkdtempSync(path.join(tmpdir(), "afterword-wrk-"));
  const script = path.join(dir, "sequence.lua");
  // Paths and headers are ASCII (the paths percent-encoded), so JSON strings are Lua strings.
  const quote = (text: string) => {
    if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`not printable ASCII: ${text}`);
    return JSON.stringify(text);
  };
  writeFileSync(
    script,
    `local paths = {${paths.map(quote).join(",")}}
local headers = {${Object.entries(headers)
      .map(([name, value]) => `[${quote(name)}] = ${quote(value)}`)
      .join(",")}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("sequence %d %d %f %f %f %f\\n", summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
`,
  );
  const run = (duration: number) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn("wrk", ["-t1", "-c1", `-d${duration}s`, "--timeout", "10s", "-s", script, base], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${out}`))));
    });
  try {
    await run(seconds);
    const out = await run(seconds);
    const line = /^sequence (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)$/m.exec(out);
    if (!line) throw new Error(`wrk printed no latency: ${out}`);
    const [requests, errors, p50, p95, p99, max] = line.slice(1).map(Number);
    if (errors > 0) throw new Error(`${errors} of ${requests} requests failed (${base}${paths[0]} …)`);
    return { p50, p95, p99, max, requests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
