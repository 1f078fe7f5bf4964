import { describe, expect, it } from "vitest";
import { shortened } from "./graphemes";

describe("shortened", () => {
  it("leaves text within the length as it is", () => {
    expect(shortened("A short question.", 40)).toBe("A short question.");
  });

  it("cuts longer text with an ellipsis, without the space before it", () => {
    expect(shortened("one two three four", 8)).toBe("one two…");
  });

  it("never cuts inside an emoji, a flag or a family", () => {
    for (const piece of ["😀", "🇫🇷", "👨‍👩‍👧", "é"]) {
      const text = piece.repeat(100);
      for (let length = 1; length < 40; length++) {
        const cut = shortened(text, length).slice(0, -1);
        expect(cut.length % piece.length, `${piece} at ${length}`).toBe(0);
        expect(cut).toBe(piece.repeat(cut.length / piece.length));
      }
    }
  });
});
