// Renders what readers and staff write: a small Markdown subset (paragraphs,
// emphasis, links, lists, quotes, inline code), then an allowlist cleaner.
// The source and the HTML are both stored; the page sends the stored HTML.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

import { EDIT_MARKER } from "~/model/markers";

export { EDIT_MARKER };

const md = new MarkdownIt("zero", { linkify: true, typographer: true, breaks: true }).enable([
  "paragraph",
  "newline",
  "emphasis",
  "link",
  "linkify",
  "list",
  "blockquote",
  "backticks",
  "escape",
  "entity",
  "text_join",
  "replacements",
  "smartquotes",
]);

const LINK_REL = "nofollow ugc noopener noreferrer";

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? "", rel: LINK_REL } }),
  },
};

const MARKER_HTML =
  '<span class="edit-marker" role="note" aria-label="Edited for length by a moderator">' +
  '<span aria-hidden="true">[EDITED FOR LENGTH]</span></span>';

export type RenderOptions = {
  /** Only text a moderator cut carries the marker; a reader typing it gets plain text. */
  editMarkers?: boolean;
};

export function renderPostBody(source: string, options: RenderOptions = {}): string {
  const html = sanitizeHtml(md.render(source.replace(/\r\n?/g, "\n")), sanitizeOptions);
  return options.editMarkers ? html.split(EDIT_MARKER).join(MARKER_HTML) : html;
}
