// Writes throwaway article files for tests.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TMP_DIR } from "./test-database";

export function articleDir() {
  mkdirSync(TMP_DIR, { recursive: true });
  return mkdtempSync(path.join(TMP_DIR, "content-"));
}

export function writeArticle(dir: string, slug: string, sections: { id: string; title: string; text?: string }[]) {
  const body = sections.map((s) => `## ${s.title} {#${s.id}}\n\n${s.text ?? `About ${s.title.toLowerCase()}.`}\n`);
  writeFileSync(
    path.join(dir, `${slug}.md`),
    `---\ntitle: Test ${slug}\nauthor: Ada Writer\nauthorEmail: ada@example.com\npublished: 2026-01-02\n---\nIntro.\n\n${body.join("\n")}`,
  );
}
