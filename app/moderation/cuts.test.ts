import { describe, expect, it } from "vitest";
import { applyCuts, removedParts } from "./cuts";

const original = "We met at university.\n\nThen she moved away for a job and I stayed.\n\nWhat should I do now?";

describe("applyCuts", () => {
  it("turns each removed run of words into one marker, keeping paragraphs", () => {
    const result = applyCuts(original, "We met at university.\n\nWhat should I do now?");
    expect(result).toEqual({
      ok: true,
      cuts: 1,
      text: "We met at university.\n\n[EDITED FOR LENGTH]\n\nWhat should I do now?",
    });
    // Cuts that end at punctuation, and spacing changed around them, are cuts.
    const two = applyCuts(original, "We met.\n\nThen she moved away. What should I do now?");
    expect(two).toMatchObject({ ok: true, cuts: 2 });
    if (two.ok)
      expect(two.text).toBe(
        "We met [EDITED FOR LENGTH].\n\nThen she moved away [EDITED FOR LENGTH]. What should I do now?",
      );
    const texts = applyCuts(
      "I deleted his texts and I keep checking them. Is that bad?",
      "I deleted his texts. Is that bad?",
    );
    expect(texts).toEqual({ ok: true, cuts: 1, text: "I deleted his texts [EDITED FOR LENGTH]. Is that bad?" });
    const words = applyCuts(original, "We met at university. Then she moved away What should I do now?");
    expect(words).toMatchObject({ ok: true, cuts: 1 });
    if (words.ok) expect(words.text).toContain("moved away [EDITED FOR LENGTH]\n\nWhat should");
  });

  it("refuses added words, no cut, or a cut of everything", () => {
    expect(applyCuts(original, "We met at a party.")).toMatchObject({ ok: false, message: /only remove text/ });
    expect(applyCuts(original, original)).toMatchObject({ ok: false, message: /Nothing was cut/ });
    expect(applyCuts(original, "")).toMatchObject({ ok: false, message: /Everything was cut/ });
  });

  it("shows moderators what was removed", () => {
    const parts = removedParts(original, "We met at university.\n\n[EDITED FOR LENGTH]\n\nWhat should I do now?");
    expect(parts.filter((p) => p.removed).map((p) => p.text.trim())).toEqual([
      "Then she moved away for a job and I stayed.",
    ]);
    // The original's words, every one, in order (its spacing as the current text has it).
    const spaced = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(spaced(parts.map((p) => p.text).join(""))).toBe(spaced(original));
    const punctuated = removedParts(
      "I deleted his texts and I keep checking them. Is that bad?",
      "I deleted his texts [EDITED FOR LENGTH]. Is that bad?",
    );
    expect(punctuated.filter((p) => p.removed).map((p) => p.text.trim())).toEqual(["and I keep checking them"]);
  });
});
