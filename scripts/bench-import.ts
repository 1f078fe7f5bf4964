// npm run bench:import [-- --comments 100000 --articles 200 --postgres]
// Writes a WordPress export of N comments over M articles (threads several
// levels deep, some pending and spam, the author answering), then imports it
// with `npm run import` into a fresh database, as a site owner would, and
// prints the time and the importer's peak memory (VmHWM of its process). A
// benchmark, not a test: the budget (2 minutes, 300 MB for 100,000 comments)
// is checked by reading its output.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    comments: { type: "string", default: "100000" },
    articles: { type: "string", default: "200" },
    postgres: { type: "boolean", default: false },
  },
});
const COMMENTS = Number(values.comments);
const ARTICLES = Number(values.articles);
const dir = path.resolve("data/bench-import");
rmSync(dir, { recursive: true, force: true });
mkdirSync(path.join(dir, "content"), { recursive: true });

/** A small seeded generator, so every run imports the same file. */
let state = 42;
const rand = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const WORDS =
  "silence contact friends message birthday weeks month texting office hope closure grief habit phone sleep walk".split(
    " ",
  );
const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");

// Most comments are plain text with their own line breaks; one in four carries some HTML.
const body = () =>
  rand() < 0.25
    ? `${sentence(12)}?\n\n<em>${sentence(30)}</em> <a href="https://example.org/${id}">a link</a>`
    : `${sentence(12)}?\n\n${sentence(30)}\n${sentence(8)}`;

const file = path.join(dir, "export.xml");
const out = createWriteStream(file);
const write = async (text: string) => {
  if (!out.write(text)) await once(out, "drain");
};
await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Bench blog</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>mara</wp:author_login><wp:author_email>mara@bench.example</wp:author_email><wp:author_display_name>Mara Lind</wp:author_display_name></wp:author>
`);
let id = 0;
const started = Date.parse("2018-01-01T00:00:00Z");
for (let a = 1; a <= ARTICLES; a++) {
  const count = Math.floor(COMMENTS / ARTICLES) + (a <= COMMENTS % ARTICLES ? 1 : 0);
  const sections = [1, 2, 3, 4].map((s) => `<h2>Part ${s}: ${sentence(3)}</h2><p>${sentence(60)}</p>`).join("");
  await write(
    `<item><title>Bench article ${a}</title><link>https://old.example/2019/05/bench-${a}/</link><dc:creator>mara</dc:creator>` +
      `<content:encoded><![CDATA[<p>${sentence(40)}</p>${sections}]]></content:encoded><wp:post_id>${a}</wp:post_id>` +
      `<wp:post_date_gmt>2018-01-01 00:00:00</wp:post_date_gmt><wp:post_name>bench-${a}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n`,
  );
  // Replies go under one of the last twenty comments that WordPress's default nesting (5 levels) still lets readers answer.
  const open: number[] = [];
  const depthOf = new Map<number, number>();
  for (let c = 0; c < count; c++) {
    id++;
    const parent = open.length && rand() < 0.7 ? open[Math.max(0, open.length - 1 - Math.floor(rand() * 20))] : 0;
    const depth = parent ? depthOf.get(parent)! + 1 : 1;
    depthOf.set(id, depth);
    const byAuthor = parent !== 0 && rand() < 0.2;
    const approved = rand() < 0.95 ? "1" : rand() < 0.5 ? "0" : "spam";
    const date = new Date(started + id * 60_000).toISOString().slice(0, 19).replace("T", " ");
    await write(
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[${byAuthor ? "Mara Lind" : `Reader ${id}`}]]></wp:comment_author>` +
        `<wp:comment_author_email>${byAuthor ? "mara@bench.example" : `reader${id}@example.org`}</wp:comment_author_email><wp:comment_author_IP>198.51.100.${id % 250}</wp:comment_author_IP>` +
        `<wp:comment_date_gmt>${date}</wp:comment_date_gmt><wp:comment_content><![CDATA[${body()}]]></wp:comment_content>` +
        `<wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent>` +
        `<wp:comment_user_id>${byAuthor ? 1 : 0}</wp:comment_user_id></wp:comment>\n`,
    );
    if (depth < 5) open.push(id);
  }
  await write("</item>\n");
}
await write("</channel></rss>\n");
out.end();
await once(out, "finish");
console.log(`Wrote ${file}: ${id} comments over ${ARTICLES} articles, ${(statSync(file).size / 1e6).toFixed(1)} MB`);

let databaseUrl = `file:${path.join(dir, "bench.db")}`;
if (values.postgres) {
  const base = process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
  if (!base?.startsWith("postgres"))
    throw new Error("--postgres needs TEST_POSTGRES_URL (or a PostgreSQL DATABASE_URL)");
  const url = new URL(base);
  url.searchParams.set("schema", `bench_import_${Date.now()}`);
  databaseUrl = url.toString();
}
const env = { ...process.env, DATABASE_URL: databaseUrl };
if (spawnSync("node_modules/.bin/tsx", ["scripts/db-migrate.ts"], { env, stdio: "inherit" }).status !== 0)
  throw new Error("migrate failed");

// The importer as `npm run import` starts it (node with tsx's loader and its heap limit, package.json), in one
// process of its own whose memory is read from /proc as it runs.
const heap = /--max-old-space-size=\$\{IMPORT_HEAP_MB:-(\d+)\}/.exec(
  JSON.parse(readFileSync("package.json", "utf8")).scripts.import,
)![1];
const begin = performance.now();
const child = spawn(
  process.execPath,
  [
    `--max-old-space-size=${process.env.IMPORT_HEAP_MB ?? heap}`,
    "--import",
    "tsx",
    "scripts/import.ts",
    "wordpress",
    file,
    "--content-dir",
    path.join(dir, "content"),
  ],
  {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  },
);
let output = "";
child.stdout!.on("data", (chunk) => (output += chunk));
let peakKb = 0;
const watch = setInterval(() => {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
    if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
  } catch {
    // exited
  }
}, 25);
const [code] = await once(child, "exit");
clearInterval(watch);
const seconds = (performance.now() - begin) / 1000;
console.log(output.split("\n").slice(0, 3).join("\n"));
if (code !== 0) throw new Error(`the import exited with ${code}`);
console.log(
  `Imported ${id} comments over ${ARTICLES} articles into ${values.postgres ? "PostgreSQL" : "SQLite"} in ${seconds.toFixed(1)} s ` +
    `(${Math.round(id / seconds)} comments/s); peak memory of the importer ${(peakKb / 1024).toFixed(0)} MB ` +
    `(budget: 120 s and 300 MB for 100,000 comments).`,
);
