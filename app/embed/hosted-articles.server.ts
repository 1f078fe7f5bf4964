// Articles that live on another site (docs/decisions/0013): a page of an
// allowed site (EMBED_ORIGINS) embeds its questions with embed.js, which
// reports the page's address, title and `h2[id]` headings. The first report
// makes the article's record; later ones keep its sections in step with the
// page's headings. What a page reports is never trusted: only pages of the
// origin asking are recorded, titles and headings are kept as plain text
// within the limits below, and a heading whose id could not be an address
// fragment is left out.
import { z } from "zod";
import { slugify } from "~/content/article-source";
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";
import { importedName, xmlText } from "~/utils/text-safety";
import { Refusal } from "~/utils/refusal";

export const EMBED_LIMITS = {
  /** The largest report read, in bytes: a page's address, title and headings fit many times over. */
  reportBytes: 65_536,
  /** Headings kept from one page: more is an index page, not an article. */
  sections: 50,
  titleLength: 200,
  anchorLength: 100,
  urlLength: 2_000,
  /** Addresses one count request may ask about. */
  countUrls: 100,
} as const;

/** An id a heading can have that is also safe in `?section=` and `#…` as it is. */
const ANCHOR = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

const Report = z.object({
  url: z.string({ message: "Say which page this is (url)." }),
  article: z.string().max(EMBED_LIMITS.anchorLength, "That article name is too long.").optional(),
  title: z.string().optional(),
  sections: z.array(z.unknown()).optional(),
});

/** A heading of the page: its id, its text, and (from an import, where the page's text is known) the text under it. */
export type HostSection = { anchor: string; title: string; text?: string };
export type HostReport = { url: string; article: string | null; title: string; sections: HostSection[] };

/** Text reported by a page as it is kept: one line of plain text, at most `max` characters, never HTML. */
function plainLine(text: unknown, max: number): string {
  if (typeof text !== "string") return "";
  const line = importedName(xmlText(text).replace(/\s+/g, " "), "").trim();
  return [...line].slice(0, max).join("").trim();
}

/**
 * A page's address as Afterword records it: absolute, http(s), on the origin
 * that asked, without query or fragment (the canonical address embed.js
 * reads is one already; any other is made one here).
 */
export function pageAddress(raw: string, origin: string): string {
  if (raw.length > EMBED_LIMITS.urlLength) throw new Refusal(400, "That page address is too long.", { field: "url" });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refusal(400, "That is not a page address.", { field: "url" });
  }
  if (url.origin !== origin) {
    throw new Refusal(403, "A site may embed Afterword only in its own pages.", { field: "url" });
  }
  url.hash = "";
  url.search = "";
  return url.href;
}

/** A page's report (JSON), read within the limits; a clear 4xx for anything else. */
export function readHostReport(text: string, origin: string): HostReport {
  if (Buffer.byteLength(text) > EMBED_LIMITS.reportBytes) {
    throw new Refusal(413, "This page reported more than Afterword reads; it keeps at most 50 headings.");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Refusal(400, "The page's report is not JSON.");
  }
  const parsed = Report.safeParse(json);
  if (!parsed.success) throw new Refusal(400, parsed.error.issues[0]?.message ?? "The page's report is not readable.");
  const { url, article, title, sections } = parsed.data;
  return {
    url: pageAddress(url, origin),
    article: article?.trim() || null,
    title: plainLine(title, EMBED_LIMITS.titleLength),
    sections: hostSections(
      (sections ?? []).map((item) => ({ ...(typeof item === "object" ? item : {}), text: undefined })),
    ),
  };
}

/**
 * A page's headings as sections, within the limits: the first 50 whose id is a safe fragment (at most 100
 * characters) and whose text, as one line of plain text, is not empty; an id seen before is left out.
 */
export function hostSections(items: { id?: unknown; title?: unknown; text?: unknown }[]): HostSection[] {
  const seen = new Set<string>();
  const kept: HostSection[] = [];
  for (const { id, title, text } of items) {
    if (kept.length === EMBED_LIMITS.sections) break;
    if (typeof id !== "string" || id.length > EMBED_LIMITS.anchorLength || !ANCHOR.test(id) || seen.has(id)) continue;
    const heading = plainLine(title, EMBED_LIMITS.titleLength);
    if (!heading) continue;
    seen.add(id);
    kept.push({ anchor: id, title: heading, ...(typeof text === "string" ? { text: xmlText(text) } : {}) });
  }
  return kept;
}

export type EmbeddedArticle = {
  slug: string;
  title: string;
  questionCount: number;
  sections: { anchor: string; title: string; questionCount: number }[];
};

/**
 * The article a page embeds: the one it names (`data-afterword-article`), or
 * the one recorded for its address, made now if there is none. An article
 * that lives on the page (it has an address) takes the page's headings as its
 * sections: new ones are added, renamed ones retitled, and those gone marked
 * removed, never deleted, so that their questions stay.
 */
export async function embeddedArticle(report: HostReport): Promise<EmbeddedArticle> {
  const found = report.article
    ? await db.article.findUnique({ where: { slug: report.article }, select: { id: true, url: true } })
    : await db.article.findUnique({ where: { url: report.url }, select: { id: true, url: true } });
  if (report.article && !found) throw new Refusal(404, `There is no article “${report.article}” on Afterword.`);
  const article = found ?? (await recordArticle(report));
  if (article.url === report.url) await keepSections(article.id, report.sections);
  return describe(article.id);
}

/** A new article for a page of an allowed site: a free slug from its address, its title from the page. */
async function recordArticle(report: HostReport) {
  const url = new URL(report.url);
  const last = (url.pathname.split("/").filter(Boolean).pop() ?? "").replace(/\.(html?|php|aspx?)$/i, "");
  const base = slugify(safeDecode(last)).slice(0, 60).replace(/-+$/, "") || slugify(url.hostname) || "page";
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await db.article.findUnique({ where: { slug }, select: { id: true } })) continue;
    try {
      return await db.article.create({
        data: {
          slug,
          url: report.url,
          title: report.title || url.hostname + url.pathname,
          authorName: url.hostname,
          sourcePath: "",
          sourceHash: "",
          introHtml: "",
          publishedAt: new Date(),
        },
        select: { id: true, url: true },
      });
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
      // Another request recorded this page first (its address is unique), or took this slug meanwhile.
      const first = await db.article.findUnique({ where: { url: report.url }, select: { id: true, url: true } });
      if (first) return first;
    }
  }
  throw new Refusal(409, "No free name was found for this page's article; name one with data-afterword-article.");
}

function safeDecode(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * An article that stays on its site, recorded without a Markdown file (`npm run import -- wordpress …
 * --keep-articles-on-site`): its thread is attached to it, and the page embeds it with embed.js.
 */
export async function recordHostedArticle(
  article: {
    slug: string;
    url: string;
    title: string;
    authorName: string;
    authorEmail: string | null;
    publishedAt: Date;
    legacyPaths: string[];
  },
  sections: HostSection[],
) {
  const author = article.authorEmail
    ? await db.user.findUnique({ where: { email: article.authorEmail }, select: { id: true } })
    : null;
  const { legacyPaths, ...fields } = article;
  const created = await db.article.create({
    data: {
      ...fields,
      authorId: author?.id ?? null,
      sourcePath: "",
      sourceHash: "",
      introHtml: "",
      legacyPaths: { create: legacyPaths.map((path) => ({ path })) },
    },
    select: { id: true },
  });
  await keepSections(created.id, sections);
  return created;
}

/** The page's headings as the article's sections; written only when they differ from what is kept. */
async function keepSections(articleId: string, sections: HostSection[]) {
  const before = await db.section.findMany({
    where: { articleId },
    select: { id: true, anchor: true, title: true, position: true, removedAt: true },
  });
  const byAnchor = new Map(before.map((s) => [s.anchor, s]));
  const now = new Set(sections.map((s) => s.anchor));
  const changed =
    sections.some((s, position) => {
      const was = byAnchor.get(s.anchor);
      return !was || was.title !== s.title || was.position !== position || was.removedAt !== null;
    }) || before.some((s) => s.removedAt === null && !now.has(s.anchor));
  if (!changed) return;
  await db.$transaction(async (tx) => {
    for (const [position, s] of sections.entries()) {
      const data = { title: s.title, position, html: "", text: s.text ?? s.title, removedAt: null };
      await tx.section.upsert({
        where: { articleId_anchor: { articleId, anchor: s.anchor } },
        create: { articleId, anchor: s.anchor, ...data },
        update: data,
      });
    }
    await tx.section.updateMany({
      where: { articleId, removedAt: null, anchor: { notIn: [...now] } },
      data: { removedAt: new Date() },
    });
    // The article's pages show its sections: its change time moves their version on.
    await tx.article.update({ where: { id: articleId }, data: { updatedAt: new Date() } });
  });
}

async function describe(articleId: string): Promise<EmbeddedArticle> {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      slug: true,
      title: true,
      sections: {
        where: { removedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, anchor: true, title: true },
      },
    },
  });
  const counts = await db.post.groupBy({
    by: ["sectionId"],
    where: { articleId, parentId: null, status: VISIBLE_STATUS },
    _count: { _all: true },
  });
  const perSection = new Map(counts.map((row) => [row.sectionId, row._count._all]));
  return {
    slug: article.slug,
    title: article.title,
    questionCount: counts.reduce((sum, row) => sum + row._count._all, 0),
    sections: article.sections.map((s) => ({
      anchor: s.anchor,
      title: s.title,
      questionCount: perSection.get(s.id) ?? 0,
    })),
  };
}

/**
 * How many published questions each page has, for an index page's links: by
 * address (pages of `origin` only) and by article name. Pages Afterword does
 * not know have none.
 */
export async function questionCounts(
  origin: string,
  asked: { urls: string[]; articles: string[] },
): Promise<{ urls: Record<string, number>; articles: Record<string, number> }> {
  if (asked.urls.length + asked.articles.length > EMBED_LIMITS.countUrls) {
    throw new Refusal(400, `Ask about at most ${EMBED_LIMITS.countUrls} pages at once.`);
  }
  const urls = new Map<string, string>();
  for (const raw of asked.urls) {
    try {
      urls.set(raw, pageAddress(raw, origin));
    } catch {
      // Another site's address, or none: it has no questions here.
    }
  }
  const articles = await db.article.findMany({
    where: { OR: [{ url: { in: [...new Set(urls.values())] } }, { slug: { in: asked.articles } }] },
    select: { id: true, slug: true, url: true },
  });
  const counts = await db.post.groupBy({
    by: ["articleId"],
    where: { articleId: { in: articles.map((a) => a.id) }, parentId: null, status: VISIBLE_STATUS },
    _count: { _all: true },
  });
  const byId = new Map(counts.map((row) => [row.articleId, row._count._all]));
  const byUrl = new Map(articles.filter((a) => a.url).map((a) => [a.url!, byId.get(a.id) ?? 0]));
  const bySlug = new Map(articles.map((a) => [a.slug, byId.get(a.id) ?? 0]));
  return {
    urls: Object.fromEntries(asked.urls.map((raw) => [raw, byUrl.get(urls.get(raw) ?? "") ?? 0])),
    articles: Object.fromEntries(asked.articles.map((slug) => [slug, bySlug.get(slug) ?? 0])),
  };
}

/** The slug of the article recorded for a page's address (any query or fragment aside), or null. */
export async function articleOfPage(raw: string): Promise<string | null> {
  if (raw.length > EMBED_LIMITS.urlLength || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  url.hash = "";
  url.search = "";
  const article = await db.article.findUnique({ where: { url: url.href }, select: { slug: true } });
  return article?.slug ?? null;
}
