import { describe, expect, it } from "vitest";
import {
  ASKING,
  askedTerms,
  coverage,
  excerpt,
  foldedStem,
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
    expect(likeness(askedTerms("block mute"), askedTerms("muting blocked"), uniform)).toBe(1);
    expect(likeness(askedTerms("block mute"), askedTerms("sleep"), uniform)).toBe(0);
  });

  it("weighs rare words above common ones", () => {
    const weight = (stem: string) => (stem === "contact" ? 0.1 : 1);
    const a = likeness(askedTerms("stories contact"), askedTerms("stories sleep"), weight);
    const b = likeness(askedTerms("stories contact"), askedTerms("contact sleep"), weight);
    expect(a).toBeGreaterThan(b);
  });

  const story =
    "We were together four years and she left in March. Work has been hard too and I am not sleeping. I kept " +
    "quiet for nineteen days. Then I went to a party, drank too much and sent her a long message at two in the " +
    "morning. She has not answered. My friends say to forget it. My sister says I must apologise. " +
    "Do I have to start the thirty days again from the party, or can I carry on from day nineteen?";

  it("finds a short question whole inside a long story that asks it, in both directions", () => {
    const short = askedTerms("Sent a drunk message on day nineteen, do the thirty days start again?");
    const long = askedTerms(story);
    expect(likeness(short, long, uniform)).toBeGreaterThan(0.3);
    expect(likeness(long, short, uniform)).toBe(likeness(short, long, uniform));
    // The same words in the story alone, not in what it asks, count for less.
    const storyOnly = askedTerms("Work has been hard and I am not sleeping, is that normal after a breakup?");
    expect(likeness(storyOnly, long, uniform)).toBeLessThan(likeness(short, long, uniform));
  });

  it("weighs the sentences that ask above the story", () => {
    const asked = askedTerms(story);
    expect(asked.get(foldedStem("sleeping"))).toBe(1);
    expect(asked.get(foldedStem("nineteen"))).toBe(ASKING);
    expect(coverage(askedTerms("nineteen thirty"), asked, uniform)).toBe(1);
  });

  it("compares the everyday and the formal word as one", () => {
    expect(foldedStem("mum")).toBe(foldedStem("mother"));
    expect(foldedStem("flat")).toBe(foldedStem("apartments"));
    expect(foldedStem("friendship")).toBe(foldedStem("friends"));
    expect(foldedStem("pointless")).toBe(foldedStem("point"));
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
