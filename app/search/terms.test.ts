import { describe, expect, it } from "vitest";
import {
  excerpt,
  fts5AllOf,
  fts5TwoOf,
  likeness,
  postgresLexemeOf,
  significantWords,
  stemOf,
  stemSet,
  tsqueryAllOf,
  tsqueryTwoOf,
} from "./terms";
import { graphemeStart } from "~/utils/graphemes";

describe("significantWords", () => {
  it("keeps the words that say what a text is about, once each by stem", () => {
    expect(significantWords("Does looking at her stories count as breaking no contact? Her story!")).toEqual([
      "looking",
      "stories",
      "count",
      "breaking",
      "contact",
    ]);
  });

  it("drops every operator and symbol of either engine, NUL bytes and emoji", () => {
    const odd = `"day" OR NOT x* NEAR(a b) ^col: -blocked & 'quote' | !(\u0000) 😀 \\ :* <-> AND`;
    const words = significantWords(odd);
    expect(words).toEqual(["day", "near", "col", "blocked", "quote"]);
    for (const word of words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it("gives nothing for text with no significant word", () => {
    expect(significantWords("")).toEqual([]);
    expect(significantWords("?!? and the of 😀")).toEqual([]);
  });

  it("reads a very long text only as far as its first words", () => {
    expect(significantWords("message ".repeat(1_000_000) + "unusual")).toEqual(["message"]);
    expect(significantWords(Array.from({ length: 50 }, (_, i) => `word${i}x`).join(" "))).toHaveLength(12);
  });
});

describe("engine expressions", () => {
  it("quote every word, so that what a reader typed is never syntax", () => {
    expect(fts5AllOf(["block", "mute"])).toBe('"block" AND "mute"');
    expect(tsqueryAllOf(["block", "mute"])).toBe("'block' & 'mute'");
    // Were a quote ever to reach them, it is escaped, not closed.
    expect(fts5AllOf(['a"b'])).toBe('"a""b"');
    expect(tsqueryAllOf(["a'b\\"])).toBe("'a''b\\\\'");
  });

  it("ask for two shared words out of several, or the one word given", () => {
    expect(fts5TwoOf(["a", "b", "c"])).toBe('("a" AND "b") OR ("a" AND "c") OR ("b" AND "c")');
    expect(tsqueryTwoOf(["a", "b"])).toBe("('a' & 'b')");
    expect(fts5TwoOf(["a"])).toBe('"a"');
  });
});

describe("excerpt", () => {
  it("marks the words that matched, in any form", () => {
    const pieces = excerpt("Blocking feels dramatic; I blocked him.", stemSet("block"));
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(["Blocking", "blocked"]);
    expect(pieces.map((p) => p.text).join("")).toBe("Blocking feels dramatic; I blocked him.");
  });

  it("starts near the first match of a long text and cuts at a word", () => {
    const text = `${"filler words here ".repeat(40)}the muting question ${"more text after ".repeat(40)}`;
    const pieces = excerpt(text, stemSet("muting"), 120);
    const shown = pieces.map((p) => p.text).join("");
    expect(shown.startsWith("… ")).toBe(true);
    expect(shown.endsWith(" …")).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(126);
    expect(pieces.some((p) => p.match && p.text === "muting")).toBe(true);
  });
});

describe("excerpt of text with no space to cut at", () => {
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  it("never splits an emoji, a flag or a family into halves, at any length", () => {
    const texts = ["😀".repeat(200), "🇫🇷".repeat(150), "👨‍👩‍👧".repeat(80), `a${"😀".repeat(199)}`, "e\u0301".repeat(300)];
    for (const text of texts) {
      for (const max of [1, 2, 3, 7, 120, 239, 240]) {
        const shown = excerpt(text, stemSet("nothing"), max)
          .map((p) => p.text)
          .join("");
        expect(lone.test(shown), `${text.slice(0, 4)} at ${max}`).toBe(false);
      }
    }
  });

  it("cuts at the start of the character that holds the index", () => {
    expect(graphemeStart("ab😀cd", 3)).toBe(2);
    expect(graphemeStart("🇫🇷🇫🇷", 3)).toBe(0);
    expect(graphemeStart("🇫🇷🇫🇷", 5)).toBe(4);
    expect(graphemeStart("abc", 2)).toBe(2);
  });
});

describe("likeness", () => {
  const uniform = () => 1;
  it("is 1 for the same words and 0 for none shared", () => {
    expect(likeness(stemSet("block mute"), stemSet("muting blocked"), uniform)).toBe(1);
    expect(likeness(stemSet("block mute"), stemSet("sleep"), uniform)).toBe(0);
  });

  it("weighs rare words above common ones", () => {
    const weight = (stem: string) => (stem === "contact" ? 0.1 : 1);
    const a = likeness(stemSet("stories contact"), stemSet("stories sleep"), weight);
    const b = likeness(stemSet("stories contact"), stemSet("contact sleep"), weight);
    expect(a).toBeGreaterThan(b);
  });
});

describe("stems", () => {
  it("are FTS5's Porter stems for SQLite and Snowball's English for PostgreSQL", () => {
    expect(["days", "replied", "stories", "messaging"].map(stemOf)).toEqual(["dai", "repli", "stori", "messag"]);
    expect(["days", "replied", "stories", "messaging"].map(postgresLexemeOf)).toEqual([
      "day",
      "repli",
      "stori",
      "messag",
    ]);
  });
});
