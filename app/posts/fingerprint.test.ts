import { describe, expect, it } from "vitest";
import { textFingerprint } from "~/posts/fingerprint";

describe("textFingerprint", () => {
  it("ignores case, spacing and punctuation", () => {
    expect(textFingerprint("How long should  I wait?")).toBe(textFingerprint("how long should i wait"));
    expect(textFingerprint("Ｆｕｌｌ width")).toBe(textFingerprint("full width"));
  });
  it("tells different words apart", () => {
    expect(textFingerprint("How long should I wait?")).not.toBe(textFingerprint("How long should we wait?"));
  });
});
