// Similar-question suggestions on real-shaped questions: the long stories of
// tests/search/long-questions.ts, imported as a site owner imports them (a
// WordPress export read by the importer), asked for by the short rephrasings
// a reader types, and by questions that only share their words. Also: a long
// new story finds its short old question (the other direction).
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { databaseTarget } from "~/db/database-url";
import { runImport } from "~/import/import.server";
import { refreshSearchStatistics, similarQuestions } from "~/search/search.server";
import { articleDir } from "../support/content";
import { writeExport, wxr } from "../support/import-files";
import { LONG_QUESTIONS, UNRELATED_TO_LONG } from "../search/long-questions";

const dir = articleDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the issue asks for at least (measured figures are in the log line and docs/benchmarks.md). */
const FLOOR = { found: 0.85, precision: 0.9, unrelatedSuggested: 0.1 };
/**
 * The other direction, where measured (20 of 42 found, precision 0.87 on SQLite): the engine is asked for a
 * story's 7 most telling words, a bound on its time at 100,000 posts (app/search/search.server.ts, engineTerms).
 */
const STORY_FLOOR = { found: 0.45, precision: 0.85 };

async function importLongQuestions() {
  const day = (n: number) => `2024-0${1 + Math.floor(n / 28)}-${String(1 + (n % 28)).padStart(2, "0")} 10:00:00`;
  const file = writeExport(
    dir,
    "long-questions.xml",
    wxr([
      {
        id: 900,
        slug: "long-questions",
        title: "Going quiet after a breakup",
        content:
          "<p>What silence can and cannot do.</p>\n<h2>How long</h2>\n<p>Thirty days.</p>\n<h2>When you cannot avoid them</h2>\n<p>Work, children, a shared flat.</p>",
        comments: LONG_QUESTIONS.map((q, i) => ({ id: 1000 + i, author: q.name, date: day(i), content: q.body })),
      },
      {
        // The other direction: the old questions are short, the new one a story.
        id: 901,
        slug: "short-questions",
        title: "Short questions about going quiet",
        comments: LONG_QUESTIONS.map((q, i) => ({ id: 2000 + i, date: day(i), content: q.rephrasings[0] })),
      },
    ]),
  );
  await runImport({ format: "wordpress", file, contentDir: dir });
  await refreshSearchStatistics();
  const posts = await db.post.findMany({
    where: { article: { slug: { in: ["long-questions", "short-questions"] } }, parentId: null, status: "published" },
    select: { id: true, externalId: true, articleId: true },
  });
  expect(posts).toHaveLength(2 * LONG_QUESTIONS.length);
  const keyed = (first: number) =>
    new Map(LONG_QUESTIONS.map((q, i) => [q.key, posts.find((p) => p.externalId === `wordpress:${first + i}`)!]));
  const byKey = keyed(1000);
  const shortByKey = keyed(2000);
  return {
    byKey,
    shortByKey,
    articleId: byKey.get(LONG_QUESTIONS[0].key)!.articleId,
    shortArticleId: shortByKey.get(LONG_QUESTIONS[0].key)!.articleId,
  };
}

let imported: ReturnType<typeof importLongQuestions>;
beforeAll(() => {
  imported = importLongQuestions();
  return imported.then(() => undefined);
});

describe("similar questions for long, real-shaped questions", () => {
  it("finds the long question a short rephrasing asks, and suggests nothing for unrelated questions", async () => {
    const { byKey, articleId } = await imported;
    let asked = 0;
    let found = 0;
    let shown = 0;
    let right = 0;
    const misses: string[] = [];
    for (const question of LONG_QUESTIONS) {
      const target = byKey.get(question.key)!;
      for (const ask of question.rephrasings) {
        const top = (await similarQuestions(ask, { articleId })).slice(0, 3);
        asked++;
        shown += top.length;
        const hits = top.filter((s) => s.id === target.id).length;
        right += hits;
        if (hits > 0) found++;
        else misses.push(`missed ${question.key}: ${ask}`);
        if (top.length > hits)
          misses.push(`also shown for ${question.key}: ${top.filter((s) => s.id !== target.id).map((s) => s.id)}`);
      }
    }
    let unrelatedSuggested = 0;
    for (const ask of UNRELATED_TO_LONG) {
      const top = await similarQuestions(ask, { articleId });
      if (top.length > 0) {
        unrelatedSuggested++;
        misses.push(`suggested for unrelated: ${ask}`);
      }
    }
    const provider = databaseTarget().provider;
    const precision = shown === 0 ? 0 : right / shown;
    console.log(
      `[search] ${provider}: ${LONG_QUESTIONS.length} long questions; rephrasings found in the top 3: ${found} of ${asked} ` +
        `(${(found / asked).toFixed(3)}); precision@3 ${precision.toFixed(3)} (${right} of ${shown} shown); ` +
        `unrelated questions given a suggestion: ${unrelatedSuggested} of ${UNRELATED_TO_LONG.length}`,
    );
    if (process.env.SEARCH_MISSES) console.log(misses.join("\n"));
    expect(found / asked).toBeGreaterThanOrEqual(FLOOR.found);
    expect(precision).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(unrelatedSuggested / UNRELATED_TO_LONG.length).toBeLessThanOrEqual(FLOOR.unrelatedSuggested);
  });

  it("finds a short old question from a long new story that ends in it", async () => {
    const { articleId, shortArticleId, shortByKey } = await imported;
    let found = 0;
    let shown = 0;
    let right = 0;
    for (const question of LONG_QUESTIONS) {
      const top = (await similarQuestions(question.body, { articleId: shortArticleId })).slice(0, 3);
      const target = shortByKey.get(question.key)!.id;
      shown += top.length;
      right += top.filter((s) => s.id === target).length;
      if (top.some((s) => s.id === target)) found++;
    }
    console.log(
      `[search] ${databaseTarget().provider}: long stories finding their short question: ${found} of ${LONG_QUESTIONS.length}; ` +
        `precision@3 ${(right / Math.max(1, shown)).toFixed(3)}`,
    );
    expect(articleId).not.toBe(shortArticleId);
    expect(found / LONG_QUESTIONS.length).toBeGreaterThanOrEqual(STORY_FLOOR.found);
    expect(right / Math.max(1, shown)).toBeGreaterThanOrEqual(STORY_FLOOR.precision);
  });
});
