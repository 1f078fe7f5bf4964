// Brings the articles in content/articles/*.md into the database. Sections are
// matched by their stable id; a section that left its file is marked removed,
// never deleted, so its questions stay (shown under "The whole article").
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { ArticleSourceError, parseArticle } from "~/content/article-source";
import { db } from "~/db.server";

export const ARTICLES_DIR = "content/articles";
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export type SyncReport = {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Sections that left their article's file, with how many posts still point at them. */
  removedSections: { article: string; anchor: string; title: string; posts: number }[];
  /** Articles in the database whose file is gone; they are kept as they were. */
  missingFiles: string[];
  errors: { file: string; message: string }[];
};

export async function syncContent(dir = ARTICLES_DIR): Promise<SyncReport> {
  const report: SyncReport = {
    created: [],
    updated: [],
    unchanged: [],
    removedSections: [],
    missingFiles: [],
    errors: [],
  };
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  const seen = new Set<string>();
  for (const name of files) {
    const slug = basename(name, ".md");
    const file = join(dir, name);
    if (!SLUG.test(slug)) {
      report.errors.push({ file, message: "file names must be lower-case letters, digits and hyphens" });
      continue;
    }
    seen.add(slug);
    try {
      await syncArticle(slug, file, report);
    } catch (error) {
      if (!(error instanceof ArticleSourceError)) throw error;
      report.errors.push({ file, message: error.message });
    }
  }
  // Articles recorded from other sites' pages (embed.js) have no file, and need none.
  const known = await db.article.findMany({ where: { sourcePath: { not: "" } }, select: { slug: true } });
  report.missingFiles = known.map((a) => a.slug).filter((slug) => !seen.has(slug));
  return report;
}

/** Syncs one article file (the importer writes one and brings it in at once). */
export async function syncArticleFile(file: string): Promise<SyncReport> {
  const report: SyncReport = { created: [], updated: [], unchanged: [], removedSections: [], missingFiles: [], errors: [] };
  try {
    await syncArticle(basename(file, ".md"), file, report);
  } catch (error) {
    if (!(error instanceof ArticleSourceError)) throw error;
    report.errors.push({ file, message: error.message });
  }
  return report;
}

async function syncArticle(slug: string, file: string, report: SyncReport) {
  const source = readFileSync(file, "utf8");
  const sourceHash = createHash("sha256").update(source).digest("hex");
  const parsed = parseArticle(source);
  const { frontMatter } = parsed;
  const author = frontMatter.authorEmail
    ? await db.user.findUnique({ where: { email: frontMatter.authorEmail }, select: { id: true } })
    : null;
  const existing = await db.article.findUnique({ where: { slug }, select: { id: true, sourceHash: true, authorId: true } });
  const claimed = await db.legacyPath.findMany({
    where: { path: { in: frontMatter.redirectFrom }, article: { slug: { not: slug } } },
    select: { path: true, article: { select: { slug: true } } },
  });
  if (claimed.length) {
    const [first] = claimed;
    throw new ArticleSourceError(`"redirectFrom" has ${first.path}, which ${first.article.slug}.md already answers`);
  }
  if (existing && existing.sourceHash === sourceHash) {
    // The text is the same; the author's account may have been created since.
    if (existing.authorId !== (author?.id ?? null)) {
      await db.article.update({ where: { id: existing.id }, data: { authorId: author?.id ?? null } });
    }
    report.unchanged.push(slug);
    return;
  }
  const fields = {
    title: frontMatter.title,
    description: frontMatter.description,
    authorName: frontMatter.author,
    authorEmail: frontMatter.authorEmail,
    authorId: author?.id ?? null,
    sourcePath: relative(process.cwd(), file),
    sourceHash,
    introHtml: parsed.introHtml,
    footnotesHtml: parsed.footnotesHtml,
    wordCount: parsed.wordCount,
    publishedAt: frontMatter.published,
    url: frontMatter.url,
  };
  if (frontMatter.url) {
    const holder = await db.article.findUnique({ where: { url: frontMatter.url }, select: { slug: true } });
    if (holder && holder.slug !== slug) {
      throw new ArticleSourceError(`"url" is ${frontMatter.url}, which the article "${holder.slug}" already has`);
    }
  }
  await db.$transaction(async (tx) => {
    const article = await tx.article.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
    const before = await tx.section.findMany({
      where: { articleId: article.id, removedAt: null },
      select: { id: true, anchor: true, title: true },
    });
    // An article on another site takes its sections from that page's headings (app/embed), not from its file.
    const sectionsFromFile = !frontMatter.url;
    for (const section of sectionsFromFile ? parsed.sections : []) {
      const data = {
        title: section.title,
        position: section.position,
        html: section.html,
        text: section.text,
        removedAt: null,
      };
      await tx.section.upsert({
        where: { articleId_anchor: { articleId: article.id, anchor: section.anchor } },
        create: { articleId: article.id, anchor: section.anchor, ...data },
        update: data,
      });
    }
    await tx.legacyPath.deleteMany({ where: { articleId: article.id, path: { notIn: frontMatter.redirectFrom } } });
    const kept = await tx.legacyPath.findMany({ where: { articleId: article.id }, select: { path: true } });
    const have = new Set(kept.map((p) => p.path));
    const added = frontMatter.redirectFrom.filter((path) => !have.has(path));
    if (added.length) await tx.legacyPath.createMany({ data: added.map((path) => ({ path, articleId: article.id })) });
    const now = new Set(parsed.sections.map((s) => s.anchor));
    for (const gone of sectionsFromFile ? before.filter((s) => !now.has(s.anchor)) : []) {
      await tx.section.update({ where: { id: gone.id }, data: { removedAt: new Date() } });
      const posts = await tx.post.count({ where: { sectionId: gone.id } });
      report.removedSections.push({ article: slug, anchor: gone.anchor, title: gone.title, posts });
    }
  });
  (existing ? report.updated : report.created).push(slug);
}

export function formatSyncReport(report: SyncReport): string {
  const lines: string[] = [];
  const list = (label: string, items: string[]) => items.length && lines.push(`${label}: ${items.join(", ")}`);
  list("Created", report.created);
  list("Updated", report.updated);
  list("Unchanged", report.unchanged);
  for (const s of report.removedSections) {
    lines.push(
      `Section "${s.title}" (#${s.anchor}) is no longer in ${s.article}.md; ` +
        `its ${s.posts} post(s) are kept and shown under "The whole article". ` +
        `If the heading was only renamed, add {#${s.anchor}} to it and sync again.`,
    );
  }
  for (const slug of report.missingFiles) lines.push(`Article "${slug}" has no file in content/articles any more; it is kept as it was.`);
  for (const e of report.errors) lines.push(`Error in ${e.file}: ${e.message}`);
  return lines.join("\n");
}
