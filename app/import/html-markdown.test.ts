import { describe, expect, it } from "vitest";
import { renderPostBody } from "~/posts/body.server";
import { articleMarkdown, autop, commentMarkdown } from "./html-markdown";

describe("WordPress text", () => {
  it("makes paragraphs of blank lines and breaks of single ones, as WordPress shows them", () => {
    expect(autop("One\nline.\n\nTwo.")).toBe("<p>One<br>\nline.</p>\n<p>Two.</p>");
    expect(autop("<p>Already</p>")).toBe("<p>Already</p>");
  });
});

describe("comments", () => {
  it("keeps the words of a comment that holds a whole document's tags (a frameset stopped the import)", () => {
    expect(commentMarkdown("<frameset onload=alert(1)>Still my words</frameset>")).toBe("Still my words");
    expect(commentMarkdown("<html><body><p>Also mine</p></body></html>")).toBe("Also mine");
  });

  it("keeps emphasis, links, lists and quotes", () => {
    const md = commentMarkdown(
      'I <em>did</em> try <a href="https://example.org/x">this</a>.\n\n<blockquote>A quote</blockquote><ul><li>one</li></ul>',
    );
    expect(md).toContain("I *did* try [this](https://example.org/x).");
    expect(md).toContain("> A quote");
    expect(md).toContain("-   one");
  });

  it("turns headings, images and code into what a reader's post may hold", () => {
    const md = commentMarkdown(
      '<h2>Title</h2><p><img src="https://example.org/a.png" alt="A cat"> <img src="data:x"></p><pre>a\nb</pre>',
    );
    expect(md).toContain("**Title**");
    expect(md).toContain("[A cat](https://example.org/a.png)");
    expect(md).not.toContain("data:");
    expect(md).toContain("`a`");
  });

  it("drops scripts and leaves no active markup once rendered", () => {
    const md = commentMarkdown(
      '<script>alert(1)</script><p onclick="x()">Hi <a href="javascript:alert(1)">there</a><iframe src="https://evil.test"></iframe></p>',
    );
    const html = renderPostBody(md);
    expect(html).not.toMatch(/<script|onclick|javascript:|<iframe/i);
    expect(html).toContain("Hi");
  });

  it("recognises a moderator's cut", () => {
    expect(commentMarkdown("Long story [EDITED FOR LENGTH] so what now?")).toBe(
      "Long story [EDITED FOR LENGTH] so what now?",
    );
  });
});

describe("articles", () => {
  it("makes every heading a section heading and keeps block-editor footnotes", () => {
    const md = articleMarkdown(
      '<!-- wp:paragraph --><p>Intro<sup data-fn="abc" class="fn"><a href="#abc" id="abc-link">1</a></sup>.</p><!-- /wp:paragraph -->' +
        "<h1>First</h1><p>Text</p><h3>Sub</h3>" +
        '<ol class="wp-block-footnotes"><li id="abc">A note. <a href="#abc-link">↩︎</a></li></ol>',
    );
    expect(md).toContain("Intro[^1].");
    expect(md).toContain("## First");
    expect(md).toContain("### Sub");
    expect(md).toContain("[^1]: A note.");
    expect(md).not.toContain("↩");
  });
});

describe("plain-text comments", () => {
  it("read the same without the HTML parser as through it", () => {
    for (const text of [
      "One line.\nTwo *lines*.\n\nA new_paragraph [with] #hash\n- dash",
      "1. Not a list\n> not a quote",
      "  spaced   out  ",
    ]) {
      expect(commentMarkdown(text)).toBe(
        commentMarkdown(`${text}<span></span>`.replace("<span></span>", "<b></b>")).replace(/\*\*\*\*/g, ""),
      );
    }
  });
});
