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
    expect(normalisedWords("It’s “Day” SEVEN, of the METHOD").words).toEqual([
      "its",
      "day",
      "seven",
      "of",
      "the",
      "method",
    ]);
    expect(normalisedWords('It\'s  "day"  seven—of the method').words).toEqual([
      "its",
      "day",
      "seven",
      "of",
      "the",
      "method",
    ]);
  });

  it("finds 12 copied words despite changed case, punctuation and curly quotes, and marks the passage", () => {
    const reply =
      "Thanks for asking! As the course puts it, “KEEP the letter in a drawer, until the Thirtieth morning — then read it” and that's all.";
    const overlap = findOverlap(reply, index());
    expect(overlap.longestRun).toBeGreaterThanOrEqual(12);
    expect(crossesLine(overlap)).toBe(true);
    const [passage] = overlap.passages;
    expect(reply.slice(passage.start, passage.end)).toBe(
      "KEEP the letter in a drawer, until the Thirtieth morning — then read it",
    );
  });

  it("lets common five-word phrases through", () => {
    const reply =
      "Write a letter you will feel better about later, and keep the letter in mind when the evening you first meet again comes around. The silence was working for both of you.";
    const overlap = findOverlap(reply, index());
    expect(overlap.longestRun).toBe(0);
    expect(crossesLine(overlap)).toBe(false);
  });
});
