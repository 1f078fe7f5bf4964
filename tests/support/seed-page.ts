// The real article Afterword was conceived from (../shared/seeds, see its
// README), made at test time into what a blog that keeps its posts would
// have: a static copy of the page (its headings with ids), and a WordPress
// export of its reader thread, threaded as on the page, the author's replies
// by the author. Nothing of it is kept in this repository: the text is read
// from the seed file when the test runs, and the test is skipped where the
// seed documents are not on the machine.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { slugify } from "~/content/article-source";
import type { WxrComment } from "./import-files";

export const SEED_FILE = path.resolve(
  process.env.SEEDS_DIR ?? path.join(process.cwd(), "..", "shared", "seeds"),
  "000_8f1d2b06a941ff16.txt",
);
export const seedAvailable = () => existsSync(SEED_FILE);

export type SeedPage = {
  title: string;
  headings: { id: string; title: string }[];
  /** The article's body as HTML: paragraphs, and h2 headings with ids. */
  html: string;
  comments: WxrComment[];
  authorName: string;
};

const HEADER = /^( *)(\d+)\. (.+?)( Post author)?$/;
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A line that stands alone as a heading: short, with no sentence's end, not a list item. */
function isHeading(line: string, before: string | undefined, after: string | undefined) {
  const text = line.trim();
  return (
    text.length > 0 &&
    text.length < 70 &&
    !/[.,:;]$/.test(text) &&
    !text.startsWith("–") &&
    (before ?? "").trim() === "" &&
    (after ?? "").trim() === ""
  );
}

export function readSeedPage(): SeedPage {
  const lines = readFileSync(SEED_FILE, "utf8").split(/\r?\n/);
  const threadAt = lines.findIndex((line) => /^\d+ thoughts on /.test(line.trim()));
  const title = lines[0].trim();
  const headings: SeedPage["headings"] = [];
  const body: string[] = [];
  // Line 1 is the title and line 3 the picture's caption; the article runs to the thread's heading.
  for (let i = 3; i < threadAt; i++) {
    const text = lines[i].trim();
    if (!text) continue;
    if (isHeading(lines[i], lines[i - 1], lines[i + 1])) {
      const id = slugify(text) || `section-${headings.length + 1}`;
      headings.push({ id, title: text });
      body.push(`<h2 id="${id}">${escape(text)}</h2>`);
    } else {
      body.push(`<p>${escape(text)}</p>`);
    }
  }

  const comments: WxrComment[] = [];
  const open: { depth: number; id: number }[] = [];
  let current: { comment: WxrComment; indent: number; lines: string[] } | null = null;
  let authorName = "";
  const close = () => {
    if (!current) return;
    const paragraphs = current.lines
      .join("\n")
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
      .filter(Boolean);
    current.comment.content = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n");
    comments.push(current.comment);
    current = null;
  };
  for (const line of lines.slice(threadAt + 1)) {
    const header = HEADER.exec(line);
    if (header && header[1].length % 2 === 0 && header[1].length >= 2) {
      close();
      const depth = header[1].length / 2;
      while (open.length && open[open.length - 1].depth >= depth) open.pop();
      const id = 1000 + comments.length + 1;
      const byAuthor = Boolean(header[4]);
      if (byAuthor) authorName = header[3];
      const minutes = comments.length * 90;
      const date = new Date(Date.UTC(2016, 0, 10) + minutes * 60_000).toISOString().slice(0, 19).replace("T", " ");
      current = {
        comment: {
          id,
          parent: open.length ? open[open.length - 1].id : undefined,
          author: header[3],
          date,
          content: "",
          ...(byAuthor ? { userId: 7 } : {}),
        },
        indent: header[1].length + 2,
        lines: [],
      };
      open.push({ depth, id });
    } else if (current) {
      current.lines.push(line.slice(Math.min(current.indent, line.length - line.trimStart().length)));
    }
  }
  close();
  return { title, headings, html: body.join("\n"), comments, authorName };
}
