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
    const two = applyCuts(original, "We met.\n\nThen she moved away. What should I do now?");
    expect(two.ok).toBe(false);
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
    expect(parts.map((p) => p.text).join("")).toBe(original);
  });
});
