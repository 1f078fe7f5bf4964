// npm run bench [-- --posts 1000,5000 --duration 10 --connections 16]
// The article page under load, for each size on its own seeded SQLite file,
// every case driven by wrk (C threads, so the load generator is never the
// bottleneck), each beside its ceiling: nginx sending, from a file, the very
// bytes that case gets (its encoding; for a reader, their own page), to a
// client sending the same headers. Cases: (a) a browser (Accept, Accept-Encoding: gzip, deflate,
// br, its form cookie); (b) a script: no Accept header, Accept-Encoding: gzip,
// no cookie; (c) a signed-in reader, and 100 signed-in readers taking turns
// (a wrk Lua script); (d) a guest with a question awaiting
// moderation; then (a) again while 4 write (two guests asking, two trusted
// readers replying on the page being read), as fast as they are answered, then
// at 20 posts/s in all.
// A benchmark, not a test: budgets are read from what it prints.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "./lib/free-port";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    posts: { type: "string", default: "1000,5000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    posters: { type: "string", default: "4" },
  },
});
const sizes = values.posts.split(",").map(Number);
const duration = Number(values.duration);
const connections = Number(values.connections);
const posters = Number(values.posters);
const SLUG = "no-contact-after-a-breakup";
const PAGE = `/articles/${SLUG}`;
/** The same article's questions as another site's frame shows them (embed.js). */
const FRAME_PAGE = `/embed/articles/${SLUG}`;
const BROWSER = {
  Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "Accept-Encoding": "gzip, deflate, br",
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
};

for (const tool of ["wrk", "nginx"]) {
  if (spawnSync("sh", ["-c", `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0) {
    console.error(`npm run bench needs ${tool}: apt-get install nginx wrk`);
    process.exit(2);
  }
}

function step(title: string, command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${title} failed`);
}

async function waitFor(url: string, child?: ChildProcess) {
  for (let i = 0; i < 150; i++) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** The raw bytes of a response (not decompressed), as a client with these headers receives them. */
function rawBody(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          encoding: String(res.headers["content-encoding"] ?? ""),
        }),
      );
    });
    req.on("error", (error) => reject(new Error(`${url}: ${error.message}`)));
    req.end();
  });
}

type Result = { rps: number; p50: number; p99: number; errors: number; requests: number };

/** wrk's latency in ms from "4.14ms", "850.12us", "1.02s", "1.10m"; NaN when it measured none. */
const millis = (text: string | undefined) => {
  const match = /([\d.]+)(us|ms|s|m)\b/.exec(text ?? "");
  if (!match) return NaN;
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
  return Number(match[1]) * scale;
};

/** wrk's arguments; the X-Wrk-Script "header" names a Lua script for wrk instead of being sent. */
function wrkArgs(url: string, headers: Record<string, string>, seconds = duration) {
  const { "X-Wrk-Script": script, ...sent } = headers;
  return [
    "-t2",
    `-c${connections}`,
    `-d${seconds}s`,
    "--latency",
    ...(script ? ["-s", script] : []),
    ...Object.entries(sent).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    url,
  ];
}

function parseWrk(out: string): Result {
  const errors = [...out.matchAll(/(?:Non-2xx or 3xx responses|Socket errors:.*?timeout) (\d+)/g)].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]),
    // The latency distribution's own lines ("     50%    1.10ms"), not the "+/- Stdev" column above them.
    p50: millis(/^\s+50%\s+(\S+)/m.exec(out)?.[1]),
    p99: millis(/^\s+99%\s+(\S+)/m.exec(out)?.[1]),
    errors,
    requests: Number(/(\d+) requests in/.exec(out)![1]),
  };
}

function runWrk(url: string, headers: Record<string, string>): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", wrkArgs(url, headers), { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(parseWrk(out)) : reject(new Error(`wrk exited ${code}: ${out}`))));
  });
}

/** nginx on a free port sending `body` as a file, with the encoding it was sent with. */
async function nginx(dir: string, body: Buffer, encoding: string) {
  mkdirSync(path.join(dir, "tmp"), { recursive: true });
  writeFileSync(path.join(dir, "page"), body);
  const port = await freePort();
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `worker_processes 2; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    location / {
      root ${dir};
      default_type "text/html; charset=utf-8";
      ${encoding ? `add_header Content-Encoding ${encoding};` : ""}
      add_header Vary Accept-Encoding;
      try_files /page =404;
    }
  }
}
`,
  );
  const bin = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
  const child = spawn(bin, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "ignore", "inherit"] });
  await waitFor(`http://127.0.0.1:${port}/`);
  return { url: `http://127.0.0.1:${port}${PAGE}`, stop: () => child.kill("SIGQUIT") };
}

const fmt = (r: Result) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms` +
  (r.errors ? `  (${r.errors} errors)` : "");

if (!existsSync("build/server/index.js")) {
  console.log("Building the app…");
  step("build", "node_modules/.bin/remix", ["vite:build"], {});
}

const report: string[] = [];
for (const posts of sizes) {
  const dir = path.resolve(`data/bench-${posts}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "bench.db");
  const port = await freePort();
  const env: Record<string, string> = {
    DATABASE_URL: `file:${file}`,
    NODE_ENV: "production",
    PORT: String(port),
    LOG_REQUESTS: "0",
    MAIL_SENDER: "0",
    TRUST_PROXY: "1",
    // The frame's page is measured as a site that embeds it gets it (frame-ancestors naming that site).
    EMBED_ORIGINS: "https://blog.example",
  };
  console.log(`\nSeeding ${file} with ${posts} generated posts…`);
  step("migrate", "node_modules/.bin/tsx", ["scripts/db-migrate.ts"], env);
  step("seed", "node_modules/.bin/tsx", ["scripts/db-seed.ts", "--posts", String(posts)], env);
  const visitors = JSON.parse(
    execFileSync("node_modules/.bin/tsx", ["scripts/bench-visitors.ts", SLUG, String(posters)], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    }),
  ) as {
    reader: string;
    readers: string[];
    guest: string;
    form: string;
    posters: { cookie: string; intent: "ask" | "reply"; parentId?: number }[];
  };
  // wrk sends each of the 100 readers' cookies in turn (a Lua script), so no reader's parts are recalled.
  const turns = path.join(dir, "readers.lua");
  writeFileSync(
    turns,
    `local cookies = {${visitors.readers.map((c) => JSON.stringify(c)).join(",")}}
local i = 0
request = function()
  i = i % #cookies + 1
  wrk.headers["Cookie"] = cookies[i]
  return wrk.format(nil)
end
`,
  );

  const server = spawn("node", ["scripts/server.js"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  // nginx while it runs, so that a failure stops it too.
  let ceiling = null as Awaited<ReturnType<typeof nginx>> | null;
  try {
    await waitFor(`${base}/healthz`, server);
    const cases: [string, Record<string, string>, string?][] = [
      ["(a) browser, gzip/deflate/br", { ...BROWSER, Cookie: visitors.form }],
      ["(b) no Accept header, gzip", { "Accept-Encoding": "gzip" }],
      ["(c) signed-in reader", { ...BROWSER, Cookie: visitors.reader }],
      ["(c) 100 signed-in readers in turn", { ...BROWSER, "X-Wrk-Script": turns }],
      ["(d) guest with a pending post", { ...BROWSER, Cookie: visitors.guest }],
      ["(e) the frame's page (embed.js), browser", { ...BROWSER, Cookie: visitors.form }, FRAME_PAGE],
    ];
    // What each is sent (and so that the shared page is kept before measuring).
    const plain = await rawBody(base + PAGE, {});
    const sent = await rawBody(base + PAGE, cases[0][1]);
    const gzipped = await rawBody(base + PAGE, { "Accept-Encoding": "gzip" });
    const pending = await (await fetch(base + PAGE, { headers: { Cookie: visitors.guest } })).text();
    if (!pending.includes("Is it normal to feel worse in week two?"))
      throw new Error("the guest's pending post is not on their page");
    for (const [, headers, page] of cases) await runWrkQuick(base + (page ?? PAGE), headers);

    // The ceiling for each case: nginx sending, from a file, the very bytes that case gets (its encoding, and for a
    // reader their own page), to a client sending the same headers.
    const ceilingFor = async (name: string, headers: Record<string, string>, page: string) => {
      const { "X-Wrk-Script": script, ...sentHeaders } = headers;
      const asked = script ? { ...sentHeaders, Cookie: visitors.readers[0] } : sentHeaders;
      const bytes = await rawBody(base + page, asked);
      ceiling = await nginx(path.join(dir, `nginx-${name.replace(/\W+/g, "-")}`), bytes.body, bytes.encoding);
      const top = await runWrk(ceiling.url, sentHeaders);
      ceiling.stop();
      ceiling = null;
      return { top, bytes };
    };
    const lines = [
      `${posts} posts: page ${plain.body.length.toLocaleString("en-US")} bytes, ${sent.body.length.toLocaleString("en-US")} as ${sent.encoding || "plain"} (what (a) gets), ${gzipped.body.length.toLocaleString("en-US")} as ${gzipped.encoding}`,
    ];
    let first: Result | null = null;
    for (const [name, headers, page = PAGE] of cases) {
      const { top, bytes } = await ceilingFor(name, headers, page);
      first ??= top;
      const result = await runWrk(base + page, headers);
      lines.push(
        `  ${name.padEnd(38)} ${fmt(result)}  = ${((100 * result.rps) / top.rps).toFixed(1)}% of nginx on the same ${bytes.body.length.toLocaleString("en-US")} bytes (${top.rps.toFixed(0)} req/s)`,
      );
    }
    const top = first!;
    // Writing while many read: guests ask and trusted readers reply (published at once, on the page being read)
    // while (a) runs; first each as fast as it is answered, then at the budget's rate, 20 posts/s in all.
    for (const rate of [null, 20]) {
      const reading = runWrk(base + PAGE, cases[0][1]);
      const writing = await write(base, visitors.posters, rate);
      const read = await reading;
      const { latencies, failed } = writing;
      latencies.sort((a, b) => a - b);
      const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
      const how = rate ? `at ${rate} posts/s` : "flat out";
      lines.push(
        `  (a) while ${posters} write, ${how.padEnd(14)}       ${fmt(read)}  = ${((100 * read.rps) / top.rps).toFixed(1)}% of nginx on (a)'s bytes`,
        `      the posters: ${(latencies.length / duration).toFixed(1)} posts/s, p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, ${failed} failed`,
      );
    }
    console.log(lines.join("\n"));
    report.push(...lines);
  } finally {
    (ceiling as { stop: () => void } | null)?.stop();
    server.kill("SIGTERM");
  }
}
console.log(`\nGET ${PAGE}, wrk -t2 -c${connections} -d${duration}s on each case\n${report.join("\n")}`);

/**
 * The posters for `duration` seconds: each as fast as it is answered (rate null), or together at `rate`
 * posts a second, each on its own schedule (a late answer does not delay the next post's time).
 */
async function write(
  base: string,
  writers: { cookie: string; intent: "ask" | "reply"; parentId?: number }[],
  rate: number | null,
) {
  const started = Date.now();
  const until = started + duration * 1000;
  const latencies: number[] = [];
  let failed = 0;
  const interval = rate ? (1000 * writers.length) / rate : 0;
  const post = async ({ cookie, intent, parentId }: (typeof writers)[number], i: number, n: number) => {
    const sent = performance.now();
    const response = await fetch(base + PAGE, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: base,
        Cookie: cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": `10.9.${i}.${(n % 250) + 1}`,
      },
      body: new URLSearchParams(
        intent === "ask"
          ? {
              intent,
              name: `Poster ${i}`,
              email: "",
              section: "article",
              body: `Does the second week get easier? Poster ${i}, question ${n}, ${Math.random()}`,
            }
          : {
              intent,
              parentId: String(parentId),
              body: `It did for me, after a while. Reply ${n} from reader ${i}, ${Math.random()}`,
            },
      ),
    }).catch(() => null);
    await response?.arrayBuffer();
    if (response?.status === 302) latencies.push(performance.now() - sent);
    else failed++;
  };
  await Promise.all(
    writers.map(async (writer, i) => {
      const pending: Promise<void>[] = [];
      for (let n = 1; Date.now() < until; n++) {
        if (!rate) {
          await post(writer, i, n);
          continue;
        }
        // Spread over the interval so the writers do not all post in the same millisecond.
        const due = started + (i * interval) / writers.length + (n - 1) * interval;
        if (due >= until) break;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
        pending.push(post(writer, i, n));
      }
      await Promise.all(pending);
    }),
  );
  return { latencies, failed };
}

/** A short run first: warms the JIT and SQLite's cache, and keeps the shared page. */
async function runWrkQuick(url: string, headers: Record<string, string>) {
  spawnSync("wrk", wrkArgs(url, headers, 2), { stdio: "ignore" });
}

// The staff pages at 5,000 posts, with their own budgets (scripts/bench-inbox.ts); suggestions at
// 100,000 posts are `npm run bench:search`.
if (sizes.includes(5000)) {
  spawnSync("node_modules/.bin/tsx", ["scripts/bench-inbox.ts", "--posts", "5000"], { stdio: "inherit" });
}
