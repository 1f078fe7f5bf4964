// After the seed registers a protected source, no public page shows any of it.
import { demoProtectedText } from "../../scripts/seed/author-workspace";
import { expect, test } from "./fixtures";

const SOURCE_PHRASES = [
  ...new Set(
    demoProtectedText()
      .split("\n\n")
      .flatMap((paragraph) => paragraph.split(/(?<=\.)\s+/))
      .map((sentence) =>
        sentence
          .replace(/^Part \d+\.\s*/, "")
          .split(/\s+/)
          .slice(0, 8)
          .join(" ")
          .toLowerCase(),
      )
      .filter((phrase) => phrase.split(" ").length === 8),
  ),
];

test("a crawl of every public page finds none of the protected text", async ({ request }) => {
  expect(SOURCE_PHRASES.length).toBeGreaterThan(5);
  const queue = ["/"];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 80) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const text = html
      .toLowerCase()
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    for (const phrase of SOURCE_PHRASES) expect(text, `${path} shows protected text`).not.toContain(phrase);
    expect(html).not.toContain("Quiet Return (course text");
    for (const [, href] of html.matchAll(/href="(\/(?:articles\/[^"#?]*)?)(?:[?#][^"]*)?"/g)) {
      if (!seen.has(href)) queue.push(href);
    }
  }
  expect(seen.size).toBeGreaterThan(10);
});
