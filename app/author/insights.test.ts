import { describe, expect, it } from "vitest";
import { type QuestionFacts, firstAnswerByWeek, median, openByWait, questionsBySection, weekStart } from "./insights";

const at = (iso: string) => new Date(iso);
const question = (facts: Partial<QuestionFacts>): QuestionFacts => ({
  sectionId: null,
  answered: false,
  meToo: 0,
  publishedAt: at("2026-11-02T10:00:00Z"),
  firstAnswerAt: null,
  ...facts,
});

describe("the author's insights", () => {
  it("count questions per section in the article's order, open and answered, with the most wanted", () => {
    const bars = questionsBySection(
      [
        { id: "s1", anchor: "how-long", title: "How long" },
        { id: "s2", anchor: "work", title: "Work" },
      ],
      [
        question({ sectionId: "s2", meToo: 4 }),
        question({ sectionId: "s2", meToo: 9, answered: true }),
        question({ sectionId: "s2", meToo: 2 }),
        question({ sectionId: "gone" }),
        question({}),
      ],
    );
    expect(bars).toEqual([
      { anchor: "how-long", title: "How long", open: 0, answered: 0, mostWanted: 0 },
      { anchor: "work", title: "Work", open: 2, answered: 1, mostWanted: 4 },
      { anchor: null, title: "The whole article", open: 2, answered: 0, mostWanted: 0 },
    ]);
  });

  it("take the median first-answer time of each week's questions", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(weekStart(at("2026-11-08T23:00:00Z")).toISOString()).toBe("2026-11-02T00:00:00.000Z");
    const weeks = firstAnswerByWeek(
      [
        question({
          publishedAt: at("2026-11-02T10:00:00Z"),
          firstAnswerAt: at("2026-11-02T12:00:00Z"),
          answered: true,
        }),
        question({
          publishedAt: at("2026-11-03T10:00:00Z"),
          firstAnswerAt: at("2026-11-04T10:00:00Z"),
          answered: true,
        }),
        question({ publishedAt: at("2026-11-04T10:00:00Z") }),
        question({
          publishedAt: at("2026-11-17T10:00:00Z"),
          firstAnswerAt: at("2026-11-17T16:00:00Z"),
          answered: true,
        }),
      ],
      at("2026-11-20T00:00:00Z"),
    );
    expect(weeks.map((w) => [w.week.toISOString().slice(0, 10), w.medianHours, w.asked])).toEqual([
      ["2026-11-02", 13, 3],
      ["2026-11-09", null, 0],
      ["2026-11-16", 6, 1],
    ]);
  });

  it("sort open questions by how long they have waited", () => {
    const now = at("2026-12-01T00:00:00Z");
    const waited = openByWait(
      [
        question({ publishedAt: at("2026-11-30T12:00:00Z") }),
        question({ publishedAt: at("2026-11-27T00:00:00Z") }),
        question({ publishedAt: at("2026-11-10T00:00:00Z") }),
        question({ publishedAt: at("2026-06-01T00:00:00Z") }),
        question({ publishedAt: at("2026-06-01T00:00:00Z"), answered: true }),
      ],
      now,
    );
    expect(waited.map((b) => b.count)).toEqual([1, 1, 1, 0, 1]);
  });
});
