// Parses an article's Markdown file: front matter, then the body split into
// the intro and its `##` sections, each with a stable id. Rendering happens
// once, here, at sync time; the page only ever sends stored HTML.
import MarkdownItFactory, { type MarkdownIt, type StateCore, type Token } from "markdown-it";
import footnote from "markdown-it-footnote";
import { parse as parseYaml } from "yaml";
import { normaliseLegacyPath } from "~/content/legacy-paths";

export type FrontMatter = {
  title: string;
  description: string;
  author: string;
  authorEmail: string | null;
  published: Date;
  /** The article's addresses on the site it came from, answered with a 301 (normal form, see legacy-paths). */
  redirectFrom: string[];
  /**
   * The article's address when it lives on another site, whose page embeds its questions (embed.js): such a
   * file has front matter only, and its sections are the page's own headings.
   */
  url: string | null;
};

export type ParsedSection = {
  anchor: string;
  title: string;
  /** Whether the id was written in the file (`{#id}`) rather than derived from the title. */
  explicitId: boolean;
  position: number;
  html: string;
  text: string;
};

export type ParsedArticle = {
  frontMatter: FrontMatter;
  introHtml: string;
  sections: ParsedSection[];
  footnotesHtml: string;
  wordCount: number;
};

export class ArticleSourceError extends Error {}

const SECTION_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const EXPLICIT_ID = /\s*\{#([^}\s]*)\}\s*$/;

/** Lower-case, ASCII, hyphenated: "What If You HAVE To?" → "what-if-you-have-to". */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’‘]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "section"
  );
}

function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new ArticleSourceError("the file must start with front matter between --- lines");
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    throw new ArticleSourceError(`its front matter is not valid YAML: ${(error as Error).message}`);
  }
  if (!data || typeof data !== "object") throw new ArticleSourceError("its front matter is empty");
  return { data: data as Record<string, unknown>, body: source.slice(match[0].length) };
}

function readFrontMatter(data: Record<string, unknown>): FrontMatter {
  const text = (key: string, required: boolean) => {
    const value = data[key];
    if (value === undefined || value === null || value === "") {
      if (required) throw new ArticleSourceError(`its front matter lacks "${key}"`);
      return "";
    }
    if (typeof value !== "string") throw new ArticleSourceError(`front matter "${key}" must be text`);
    return value.trim();
  };
  const publishedRaw = data.published;
  const published =
    publishedRaw instanceof Date ? publishedRaw : typeof publishedRaw === "string" ? new Date(publishedRaw) : null;
  if (!published || Number.isNaN(published.getTime())) {
    throw new ArticleSourceError('its front matter needs "published" as a date (YYYY-MM-DD)');
  }
  const authorEmail = text("authorEmail", false).toLowerCase() || null;
  const redirectRaw = data.redirectFrom ?? [];
  if (!Array.isArray(redirectRaw) || redirectRaw.some((item) => typeof item !== "string")) {
    throw new ArticleSourceError('front matter "redirectFrom" must be a list of old addresses, e.g. - /?p=123');
  }
  const redirectFrom = (redirectRaw as string[]).map((raw) => {
    const path = normaliseLegacyPath(raw);
    if (!path) throw new ArticleSourceError(`"redirectFrom" has "${raw}", which is not a page's address`);
    return path;
  });
  const urlRaw = text("url", false);
  let url: string | null = null;
  if (urlRaw) {
    const parsed = URL.canParse(urlRaw) ? new URL(urlRaw) : null;
    if (!parsed || !/^https?:$/.test(parsed.protocol)) {
      throw new ArticleSourceError(`front matter "url" must be the page's address, such as https://example.com/post/`);
    }
    parsed.hash = "";
    parsed.search = "";
    url = parsed.href;
  }
  return {
    url,
    title: text("title", true),
    description: text("description", false),
    author: text("author", true),
    authorEmail,
    published,
    redirectFrom: [...new Set(redirectFrom)],
  };
}

/** Strips `{#id}` from headings and gives every h2/h3 an id and a permalink anchor. */
function headingIds(md: MarkdownIt) {
  md.core.ruler.push("afterword_heading_ids", (state: StateCore) => {
    const used = new Set<string>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i];
      if (open.type !== "heading_open" || (open.tag !== "h2" && open.tag !== "h3")) continue;
      const inline = tokens[i + 1];
      const children = inline.children ?? [];
      const last = children[children.length - 1];
      let id: string | null = null;
      if (last?.type === "text") {
        const explicit = EXPLICIT_ID.exec(last.content);
        if (explicit) {
          id = explicit[1];
          if (!SECTION_ID.test(id)) {
            throw new ArticleSourceError(
              `heading "${inline.content}" has id "${id}": use lower-case letters, digits and hyphens`,
            );
          }
          last.content = last.content.slice(0, explicit.index);
          inline.content = inline.content.replace(EXPLICIT_ID, "");
          open.meta = { ...open.meta, explicitId: true };
        }
      }
      const title = children.map((c: Token) => (c.type === "text" || c.type === "code_inline" ? c.content : "")).join("");
      if (id && used.has(id)) throw new ArticleSourceError(`two headings have the id "${id}"`);
      if (!id) {
        const base = slugify(title);
        id = base;
        for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      }
      used.add(id);
      open.attrSet("id", id);
      open.meta = { ...open.meta, id, title: title.trim() };
      const linkOpen = new state.Token("link_open", "a", 1);
      linkOpen.attrSet("class", "heading-anchor");
      linkOpen.attrSet("href", `#${id}`);
      linkOpen.attrSet("aria-label", `Permalink to “${title.trim()}”`);
      const mark = new state.Token("text", "", 0);
      mark.content = "#";
      mark.meta = { permalink: true };
      const linkClose = new state.Token("link_close", "a", -1);
      const space = new state.Token("text", "", 0);
      space.content = " ";
      children.push(space, linkOpen, mark, linkClose);
    }
  });
}

function createRenderer() {
  const md = new MarkdownItFactory({ html: false, linkify: true, typographer: true });
  md.use(footnote);
  md.use(headingIds);
  return md;
}

const md = createRenderer();

function plainText(tokens: Token[]): string {
  const words: string[] = [];
  for (const token of tokens) {
    if (token.type !== "inline") continue;
    for (const child of token.children ?? []) {
      if (child.meta?.permalink) continue;
      if (child.type === "text" || child.type === "code_inline") words.push(child.content);
    }
  }
  return words.join(" ").replace(/\s+/g, " ").trim();
}

export function parseArticle(source: string): ParsedArticle {
  const { data, body } = splitFrontMatter(source);
  const frontMatter = readFrontMatter(data);
  if (frontMatter.url && body.trim()) {
    throw new ArticleSourceError(
      `it has "url" (the article is on that site) and a body: an article on another site has front matter only`,
    );
  }
  const env: Record<string, unknown> = {};
  const tokens = md.parse(body, env);

  // Cut the token stream at each top-level h2 and at the footnotes block, and
  // render each slice with the same env so footnote numbering stays whole.
  const footnotesAt = tokens.findIndex((t) => t.type === "footnote_block_open");
  const end = footnotesAt === -1 ? tokens.length : footnotesAt;
  const starts: number[] = [];
  for (let i = 0; i < end; i++) {
    if (tokens[i].type === "heading_open" && tokens[i].tag === "h2" && tokens[i].level === 0) starts.push(i);
  }
  const render = (slice: Token[]) => md.renderer.render(slice, md.options, env);
  const introEnd = starts[0] ?? end;
  const sections = starts.map((start, index): ParsedSection => {
    const slice = tokens.slice(start, starts[index + 1] ?? end);
    const meta = slice[0].meta as { id: string; title: string; explicitId?: boolean };
    return {
      anchor: meta.id,
      title: meta.title,
      explicitId: Boolean(meta.explicitId),
      position: index,
      html: render(slice),
      text: plainText(slice),
    };
  });
  const allText = plainText(tokens.slice(0, end));
  return {
    frontMatter,
    introHtml: render(tokens.slice(0, introEnd)),
    sections,
    footnotesHtml: footnotesAt === -1 ? "" : render(tokens.slice(footnotesAt)),
    wordCount: allText ? allText.split(/\s+/).length : 0,
  };
}
