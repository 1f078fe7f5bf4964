import { describe, expect, it } from "vitest";
import { cleanName, escapeHtml, htmlForCdata, importedName, nameProblem, xmlText } from "./text-safety";

describe("text safety", () => {
  it("removes what XML cannot hold, lone surrogates and non-characters included, and keeps emoji", () => {
    expect(xmlText("a\u0001b\u001Fc\uFFFEd\uFFFFe\uD800f\tg\nh😀")).toBe("abcdef\tg\nh😀");
  });

  it("refuses names with control characters or nothing visible, and strips bidi controls", () => {
    expect(nameProblem("x\u0007y")).toMatch(/control characters/);
    expect(nameProblem("\u200B\u200B\u200B")).toMatch(/letter or digit/);
    expect(nameProblem("\u202E\u202C")).toMatch(/letter or digit/);
    expect(nameProblem("Ann")).toBeNull();
    expect(nameProblem("李")).toBeNull();
    expect(cleanName(" \u202Eevil\u202C ")).toBe("evil");
    expect(importedName("\u0001\u200B", "Anonymous")).toBe("Anonymous");
  });

  it("leaves no way out of a CDATA section or an html title", () => {
    expect(htmlForCdata("x]]>y]]>z")).toBe("x]]&gt;y]]&gt;z");
    expect(escapeHtml(']]></title><link href="https://evil.example/"/>')).not.toMatch(/[<>]/);
  });
});
