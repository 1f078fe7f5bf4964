import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { SaxesParser } from "saxes";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_TEXT_CHARS, pendingTextLength, readXml } from "./xml-stream.server";

const dir = mkdtempSync(path.join(tmpdir(), "xml-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A gzip file whose text is `head`, then `count` times `filler`, then `tail`: small on disk, huge inside. */
function bomb(name: string, head: string, filler: string, count: number, tail: string) {
  const file = path.join(dir, name);
  writeFileSync(file, gzipSync(Buffer.from(head + filler.repeat(count) + tail), { level: 9 }));
  return file;
}

const records = (file: string) =>
  readXml(file, { isRecord: (p) => p.join("/") === "rss/channel/item", onRecord: () => undefined });
const overflow = MAX_TEXT_CHARS + 1024 * 1024;

describe("reading an XML export", () => {
  it("sees how much text saxes holds unhanded (the field it keeps it in still exists)", () => {
    const parser = new SaxesParser();
    parser.write("<a><!-- twelve chars");
    expect(pendingTextLength(parser)).toBeGreaterThan(10);
  });

  it("stops a record that expands past the limit, naming the file, the line and the column", async () => {
    // CDATA sections in a row: each is handed over as it ends, so the record grows piece by piece.
    const pieces = overflow / 8;
    const file = bomb(
      "record.xml.gz",
      "<rss><channel>\n<item><title>",
      "aaaaaaa<![CDATA[b]]>",
      pieces,
      "</title></item>",
    );
    await expect(records(file)).rejects.toThrow(
      new RegExp(`^${file.replace(/[.]/g, "\\.")}: .*<item> that begins at line 2, column \\d+ holds more than`),
    );
  });

  it("stops one comment's text inside a record, split into many text pieces", async () => {
    const file = bomb("comment.xml.gz", "<rss><channel><item><wp:comment xmlns:wp='x'>", "word <b/>", overflow / 9, "");
    await expect(records(file)).rejects.toThrow(/<item> that begins at line 1, column \d+ holds (more than|too many)/);
  });

  it("stops a record of countless empty elements", async () => {
    const file = bomb("elements.xml.gz", "<rss><channel><item>", "<b/>", 300_000, "</item>");
    await expect(records(file)).rejects.toThrow(/holds (too many elements|more than the importer keeps)/);
  });

  it("stops an XML comment outside any record", async () => {
    const file = bomb("xml-comment.xml.gz", "<rss><channel>\n<!--", "x", overflow, "-->");
    await expect(records(file)).rejects.toThrow(/one piece of text, comment or CDATA reaching line 2, column \d+/);
  });
});
