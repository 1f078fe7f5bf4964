import { describe, expect, it } from "vitest";
import { EDIT_MARKER, renderPostBody } from "./body.server";

describe("renderPostBody", () => {
  it("renders the Markdown subset", () => {
    const html = renderPostBody("Hi *there* and **you**.\n\n- one\n- two\n\n> quoted\n\nUse `code`.");
    expect(html).toContain("<em>there</em>");
    expect(html).toContain("<strong>you</strong>");
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<code>code</code>");
  });

  it("leaves headings, images and raw HTML as text", () => {
    const html = renderPostBody('# Big\n\n![x](http://e.com/x.png)\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toMatch(/<h1|<img/);
    expect(html).toContain("# Big");
    expect(html).toContain("&lt;img");
  });

  it("gives links nofollow ugc noopener noreferrer and drops javascript: and data: links", () => {
    const html = renderPostBody("[ok](https://example.com) [bad](javascript:alert(1)) [data](data:text/html,hi)");
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer">ok</a>');
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it("marks a moderator's cut only when asked", () => {
    const text = `Start. ${EDIT_MARKER} End.`;
    expect(renderPostBody(text)).toContain("[EDITED FOR LENGTH]");
    expect(renderPostBody(text)).not.toContain("edit-marker");
    const marked = renderPostBody(text, { editMarkers: true });
    expect(marked).toContain('<span class="edit-marker" role="note" aria-label="Edited for length by a moderator">');
  });
});
