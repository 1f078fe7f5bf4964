// Part 8: hostile imports. `npm run import` (as a site owner runs it, with its
// 256 MB heap) is handed files made to hurt it: entity expansion (a billion
// laughs), external entities naming a file on this machine, and gzip files
// that expand to far more than the heap inside one record, one comment and
// one XML comment. Each must end with exit code 1 and the file, the line and
// the column, having written nothing and read no file it was not given.
// Failed: any other exit (134 is the heap giving out), a message without the
// place, or a write.
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, it } from "vitest";
import { db } from "~/db.server";
import { seed } from "../../scripts/seed/seed";
import { TMP_DIR } from "../support/test-database";
import { FULL, record } from "./tally";

let dir: string;
beforeAll(async () => {
  await seed();
  dir = mkdtempSync(path.join(TMP_DIR, "hostile-imports-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Expanded size of each bomb: more than the importer's whole heap, and far more in the full run. */
const BOMB_BYTES = (FULL ? 2048 : 512) * 1024 * 1024;

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="https://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<wp:wxr_version>1.2</wp:wxr_version>
`;
const ITEM = `<item><title>Bomb</title><wp:post_id>1</wp:post_id><wp:post_name>bomb</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>`;

/** Writes head, `filler` repeated to BOMB_BYTES, and tail, gzipped as it goes: a few MB on disk. */
async function gzipBomb(name: string, head: string, filler: string, tail: string) {
  const file = path.join(dir, name);
  const gzip = createGzip({ level: 9 });
  const out = gzip.pipe(createWriteStream(file));
  gzip.write(head);
  const block = Buffer.from(filler.repeat(Math.ceil((1024 * 1024) / filler.length)));
  for (let written = 0; written < BOMB_BYTES; written += block.length) {
    if (!gzip.write(block)) await once(gzip, "drain");
  }
  gzip.end(tail);
  await once(out, "finish");
  return file;
}

type Outcome = { code: number | null; output: string; peakRssMb: number };

/** `npm run import -- wordpress <file>`, as the package script runs it; its exit, what it said and its peak memory. */
function runImportCommand(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--max-old-space-size=256", "--import", "tsx", "scripts/import.ts", "wordpress", file, "--content-dir", dir],
      { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    let peak = 0;
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const watch = setInterval(() => {
      try {
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
        if (rss) peak = Math.max(peak, Number(rss) / 1024);
      } catch {
        // ended between two looks
      }
    }, 50);
    child.on("close", (code) => {
      clearInterval(watch);
      resolve({ code, output, peakRssMb: Math.round(peak) });
    });
  });
}

describe("hostile import files", () => {
  it("ends each with exit 1, the file, the line and the column, in bounded memory, writing nothing", async () => {
    const started = Date.now();
    const secret = path.join(dir, "secret.txt");
    writeFileSync(secret, "TOP-SECRET-CONTENTS");
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("\n");
    const plain = (name: string, text: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const cases: { label: string; file: string }[] = [
      {
        label: "entity expansion",
        file: plain(
          "laughs.xml",
          `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n${HEAD.split("\n").slice(1).join("\n")}${ITEM}<content:encoded>&lol9;</content:encoded></item></channel></rss>`,
        ),
      },
      {
        label: "external entity",
        file: plain(
          "external.xml",
          `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY secret SYSTEM "file://${secret}">\n]>\n${HEAD.split("\n").slice(1).join("\n")}${ITEM}<content:encoded>&secret;</content:encoded></item></channel></rss>`,
        ),
      },
      {
        label: "gzip bomb in a record",
        file: await gzipBomb(
          "record.xml.gz",
          `${HEAD}${ITEM}<content:encoded>`,
          "lol<![CDATA[ ]]>",
          "</content:encoded></item></channel></rss>",
        ),
      },
      {
        label: "gzip bomb in a comment",
        file: await gzipBomb(
          "comment.xml.gz",
          `${HEAD}${ITEM}<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>`,
          "so sad <![CDATA[:(]]> ",
          "</wp:comment_content></wp:comment></item></channel></rss>",
        ),
      },
      {
        label: "gzip bomb in an XML comment",
        file: await gzipBomb("xml-comment.xml.gz", `${HEAD}<!--`, "lol ", "--></channel></rss>"),
      },
    ];
    const postsBefore = await db.post.count();
    const articlesBefore = await db.article.count();
    const problems: string[] = [];
    for (const c of cases) {
      const outcome = await runImportCommand(c.file);
      const said = outcome.output.trim().split("\n").slice(-3).join(" | ");
      console.log(`${c.label}: exit ${outcome.code}, peak ${outcome.peakRssMb} MB: ${said.slice(0, 240)}`);
      if (outcome.code !== 1) problems.push(`${c.label}: exit ${outcome.code}: ${said.slice(0, 300)}`);
      if (!outcome.output.includes(`${c.file}:`) || !/line \d+, column \d+/.test(outcome.output)) {
        problems.push(`${c.label}: the message does not name the file, the line and the column: ${said.slice(0, 300)}`);
      }
      if (outcome.output.includes("TOP-SECRET")) problems.push(`${c.label}: the secret file was read`);
      if (outcome.peakRssMb > 600) problems.push(`${c.label}: ${outcome.peakRssMb} MB at its peak`);
    }
    if ((await db.post.count()) !== postsBefore || (await db.article.count()) !== articlesBefore) {
      problems.push("a hostile file wrote something");
    }
    record("8", "hostile imports: entities and gzip bombs", cases.length, problems, started);
  });
});
