import { describe, expect, it } from "vitest";
import { type ShingleIndex, crossesLine, findOverlap, indexSource, normalisedWords } from "./guard";

const SOURCE =
  "Day seven of the method: write a letter you will never send, describing the evening you first understood that the silence was working for you. " +
  "Keep the letter in a drawer until the thirtieth morning, then read it aloud once and tear it into exactly nine pieces.";

function index() {
  const i: ShingleIndex = new Map();
  indexSource(i, 1, SOURCE);
  return i;
}

describe("the copyright guard", () => {
  it("normalises case, punctuation, curly quotes and spacing", () => {
    const words = "its day seven of the method".split(" ");
    expect(normalisedWords("It’s “Day” SEVEN, of the METHOD").words).toEqual(words);
    expect(normalisedWords('It\'s  "day"  seven—of the method').words).toEqual(words);
  });

  // Each reply, what the guard makes of it: the longest shared run, whether it stops the post, and the passage it marks.
  const cases: { name: string; reply: string; longestRun: number; stops: boolean; passage?: string }[] = [
    {
      name: "finds 12 copied words despite changed case, punctuation and curly quotes, and marks the passage",
      reply:
        "Thanks for asking! As the course puts it, “KEEP the letter in a drawer, until the Thirtieth morning — then read it” and that's all.",
      longestRun: 12,
      stops: true,
      passage: "KEEP the letter in a drawer, until the Thirtieth morning — then read it",
    },
    {
      name: "lets common five-word phrases through",
      reply:
        "Write a letter you will feel better about later, and keep the letter in mind when the evening you first meet again comes around. The silence was working for both of you.",
      longestRun: 0,
      stops: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const overlap = findOverlap(c.reply, index());
      expect(overlap.longestRun).toBeGreaterThanOrEqual(c.longestRun);
      if (!c.stops) expect(overlap.longestRun).toBe(0);
      expect(crossesLine(overlap)).toBe(c.stops);
      if (c.passage) {
        const [passage] = overlap.passages;
        expect(c.reply.slice(passage.start, passage.end)).toBe(c.passage);
      }
    });
  }
});
