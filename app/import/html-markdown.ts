// The HTML an old site stored, as the Markdown Afterword keeps: an article in
// full (headings become its sections, footnotes and lists kept), a comment in
// the small subset readers write (app/posts/body.server.ts), whose renderer
// and allowlist then clean it as they clean every post. turndown does the
// conversion; the rules here say what each kind of text may keep.
import TurndownService from "turndown";
import { EDIT_MARKER } from "~/model/markers";

const BLOCK_TAG = /<(p|div|ul|ol|blockquote|h[1-6]|pre|table|figure|hr)[\s>/]/i;

/**
 * WordPress stores classic text without paragraphs and adds them when it
 * shows a page (wpautop): a blank line is a new paragraph, a line break a <br>.
 */
export function autop(text: string): string {
  if (BLOCK_TAG.test(text)) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${para.replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
}

function base() {
  const service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "*",
    strongDelimiter: "**",
  });
  service.remove([
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "select",
    "textarea",
  ]);
  return service;
}

const textOf = (node: TurndownService.Node) => (node.textContent ?? "").replace(/\s+/g, " ").trim();

function articleService() {
  const service = base();
  // The page's own title is the article's; a heading inside the text opens a section.
  service.addRule("headings", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content, node) => {
      const level = Math.min(Math.max(Number(node.nodeName.charAt(1)), 2), 6);
      const text = content.replace(/\s+/g, " ").trim();
      return text ? `\n\n${"#".repeat(level)} ${text}\n\n` : "";
    },
  });
  // Footnotes as the block editor writes them: a numbered <sup data-fn> and a list of notes.
  service.addRule("footnote-reference", {
    filter: (node) => node.nodeName === "SUP" && (node as HTMLElement).hasAttribute?.("data-fn"),
    replacement: (_content, node) => `[^${textOf(node) || "1"}]`,
  });
  service.addRule("footnotes", {
    filter: (node) => node.nodeName === "OL" && /\bwp-block-footnotes\b/.test((node as HTMLElement).className ?? ""),
    replacement: (_content, node) => {
      const items = Array.from((node as HTMLElement).children).filter((child) => child.nodeName === "LI");
      const notes = items.map((item, index) => {
        for (const back of Array.from(item.querySelectorAll("a[href$='-link']"))) back.remove();
        return `[^${index + 1}]: ${service.turndown(item.innerHTML).replace(/\n+/g, " ").trim()}`;
      });
      return `\n\n${notes.join("\n")}\n\n`;
    },
  });
  return service;
}

function commentService() {
  const service = base();
  // Readers' posts have no headings, images, code blocks or tables: each keeps its words.
  service.addRule("headings", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content) => {
      const text = content.replace(/\s+/g, " ").trim();
      return text ? `\n\n**${text}**\n\n` : "";
    },
  });
  service.addRule("images", {
    filter: "img",
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute("src") ?? "";
      const alt = ((node as HTMLElement).getAttribute("alt") ?? "").trim() || "image";
      return /^https?:\/\//i.test(src) ? `[${alt}](${src})` : alt;
    },
  });
  // A link keeps its address only when a post could hold it; otherwise its words stay.
  service.addRule("unsafe-links", {
    filter: (node) =>
      node.nodeName === "A" && !/^(https?:|mailto:)/i.test((node as HTMLElement).getAttribute("href") ?? ""),
    replacement: (content) => content,
  });
  service.addRule("code-blocks", {
    filter: "pre",
    replacement: (_content, node) => {
      const lines = (node.textContent ?? "").split("\n").filter((line) => line.trim());
      return `\n\n${lines.map((line) => "`" + line.replace(/`/g, "'") + "`").join("  \n")}\n\n`;
    },
  });
  service.addRule("table-cells", {
    filter: ["td", "th"],
    replacement: (content) => ` ${content.trim()} `,
  });
  service.addRule("table-rows", { filter: "tr", replacement: (content) => `\n\n${content.trim()}\n\n` });
  service.addRule("rules", { filter: "hr", replacement: () => "\n\n" });
  return service;
}

const article = articleService();
const comment = commentService();

/** A moderator's cut, as old sites wrote it, stays a cut (turndown escapes its brackets). */
const keepMarkers = (markdown: string) => markdown.replaceAll("\\[EDITED FOR LENGTH\\]", EDIT_MARKER);

export function articleMarkdown(html: string): string {
  return article.turndown(autop(html)).trim();
}

/**
 * Most comments are plain text (WordPress keeps few tags in them): those need
 * no HTML parser, only their Markdown characters escaped, as turndown would.
 */
function plainComment(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split("\n")
        .map((line) => comment.escape(line.replace(/\s+/g, " ").trim()))
        .filter(Boolean)
        .join("  \n"),
    )
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Tags that make a whole document, never part of a comment: a <frameset> in
 * one replaced the parser's <body> and turndown failed on it, which stopped
 * the whole import. They go; their text stays.
 */
const DOCUMENT_TAGS = /<\/?(html|head|body|frameset|frame|noframes)\b[^>]*>/gi;

export function commentMarkdown(html: string): string {
  let markdown: string;
  if (!/[<&]/.test(html)) markdown = plainComment(html);
  else {
    try {
      markdown = comment.turndown(autop(html.replace(DOCUMENT_TAGS, "")));
    } catch {
      // Whatever else the parser cannot take: the comment's words, as plain text, rather than nothing.
      markdown = plainComment(html.replace(/<[^>]*>/g, " "));
    }
  }
  return keepMarkers(markdown)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
