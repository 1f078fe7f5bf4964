import { describe, expect, it } from "vitest";
import { ArticleSourceError, parseArticle, slugify } from "./article-source";

const article = (body: string, front = "title: A title\nauthor: Ada Writer\npublished: 2026-01-02") =>
  `---\n${front}\n---\n${body}`;

describe("front matter", () => {
  it("reads title, description, author, author email and date", () => {
    const parsed = parseArticle(
      article("Hello.", 'title: "Hi: there"\ndescription: Short\nauthor: Ada\nauthorEmail: Ada@Example.com\npublished: 2026-03-14'),
    );
    expect(parsed.frontMatter).toEqual({
      title: "Hi: there",
      description: "Short",
      author: "Ada",
      authorEmail: "ada@example.com",
      published: new Date("2026-03-14T00:00:00Z"),
      redirectFrom: [],
      url: null,
    });
  });

  it("reads the address of an article that lives on another site, whose file has front matter only", () => {
    const front = "title: T\nauthor: A\npublished: 2026-01-01\nurl: https://blog.example.com/post/?utm=x#top";
    expect(parseArticle(article("", front)).frontMatter.url).toBe("https://blog.example.com/post/");
    expect(() => parseArticle(article("A body.", front))).toThrow(/front matter only/);
    expect(() => parseArticle(article("", "title: T\nauthor: A\npublished: 2026-01-01\nurl: javascript:alert(1)"))).toThrow(
      /page's address/,
    );
  });

  it("reads the old addresses an imported article answers", () => {
    const parsed = parseArticle(article("x", "title: T\nauthor: A\npublished: 2026-01-01\nredirectFrom:\n  - /?p=12\n  - /2019/05/Old/"));
    expect(parsed.frontMatter.redirectFrom).toEqual(["/?p=12", "/2019/05/old"]);
    expect(() => parseArticle(article("x", "title: T\nauthor: A\npublished: 2026-01-01\nredirectFrom: /?p=1"))).toThrow(/list/);
    expect(() => parseArticle(article("x", "title: T\nauthor: A\npublished: 2026-01-01\nredirectFrom: [\"/\"]"))).toThrow(/not a page/);
  });

  it("refuses a file without front matter or without a title or date", () => {
    expect(() => parseArticle("# No front matter")).toThrow(ArticleSourceError);
    expect(() => parseArticle(article("x", "author: A\npublished: 2026-01-01"))).toThrow(/lacks "title"/);
    expect(() => parseArticle(article("x", "title: T\nauthor: A\npublished: someday"))).toThrow(/published/);
  });
});

describe("sections", () => {
  it("uses {#id} when given and derives an id from the title otherwise", () => {
    const parsed = parseArticle(article("Intro.\n\n## How long? {#how-long}\n\nA.\n\n## What If You HAVE To?\n\nB."));
    expect(parsed.sections.map((s) => [s.anchor, s.title, s.explicitId])).toEqual([
      ["how-long", "How long?", true],
      ["what-if-you-have-to", "What If You HAVE To?", false],
    ]);
    expect(parsed.sections[0].html).toContain('<h2 id="how-long">How long? <a class="heading-anchor" href="#how-long"');
    expect(parsed.sections[0].html).not.toContain("{#");
    expect(parsed.introHtml).toBe("<p>Intro.</p>\n");
  });

  it("keeps derived ids unique and refuses duplicate or malformed explicit ids", () => {
    const parsed = parseArticle(article("## Same\n\n## Same\n\n## Same"));
    expect(parsed.sections.map((s) => s.anchor)).toEqual(["same", "same-2", "same-3"]);
    expect(() => parseArticle(article("## A {#x}\n\n## B {#x}"))).toThrow(/two headings have the id "x"/);
    expect(() => parseArticle(article("## A {#Not_Valid}"))).toThrow(/lower-case/);
  });

  it("keeps section text for matching, without permalink marks", () => {
    const parsed = parseArticle(article("## Sleep {#sleep}\n\nTry *walking* in the evening.\n\n- one\n- two"));
    expect(parsed.sections[0].text).toBe("Sleep Try walking in the evening. one two");
  });

  it("slugifies accents, apostrophes and punctuation", () => {
    expect(slugify("Can’t stop — café time!")).toBe("cant-stop-cafe-time");
    expect(slugify("???")).toBe("section");
  });
});

describe("rendering", () => {
  it("renders footnotes once, after the last section, with links both ways", () => {
    const parsed = parseArticle(article("Intro[^a].\n\n## One {#one}\n\nText[^b].\n\n[^a]: First.\n[^b]: Second."));
    expect(parsed.introHtml).toContain('<a href="#fn1" id="fnref1">[1]</a>');
    expect(parsed.sections[0].html).toContain('<a href="#fn2" id="fnref2">[2]</a>');
    expect(parsed.sections[0].html).not.toContain("footnotes");
    expect(parsed.footnotesHtml).toContain('<li id="fn1" class="footnote-item"><p>First.');
    expect(parsed.footnotesHtml).toContain('href="#fnref2"');
  });

  it("uses typographic quotes and refuses raw HTML", () => {
    const parsed = parseArticle(article('She said "no" and it\'s fine. <script>alert(1)</script>'));
    expect(parsed.introHtml).toContain("She said “no” and it’s fine.");
    expect(parsed.introHtml).not.toContain("<script>");
    expect(parsed.introHtml).toContain("&lt;script&gt;");
  });

  it("counts words of the body", () => {
    expect(parseArticle(article("One two three.\n\n## Four {#four}\n\nFive.")).wordCount).toBe(5);
  });
});
