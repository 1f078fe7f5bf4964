// `npm run import`: one behaviour for WordPress and Disqus. The whole file is
// read and planned first without writing anything (that is the dry run, and
// what a malformed file fails in); only then is it read again and written,
// article by article in batches, each comment recorded by its source id so
// that a second run adds only what is new.
import { importedName, xmlText } from "~/utils/text-safety";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { stringify as toYaml } from "yaml";
import { parseArticle, slugify } from "~/content/article-source";
import { normaliseLegacyPath } from "~/content/legacy-paths";
import type { SectionText } from "~/content/suggest-section";
import { ARTICLES_DIR, syncArticleFile } from "~/content/sync.server";
import { db } from "~/db.server";
import { hostSections, recordHostedArticle } from "~/embed/hosted-articles.server";
import { headingsOf } from "~/import/host-sections";
import { type DisqusPost, type DisqusThread, stageDisqus } from "~/import/disqus.server";
import { articleMarkdown, commentMarkdown } from "~/import/html-markdown";
import { type ImportedPost, type SourceComment, planThreads } from "~/import/plan";
import { type ArticleReport, type ImportReport, emptyCounts, newReport, skip } from "~/import/report";
import { importedPosts, suggestedSections, writePlan } from "~/import/write.server";
import { type WpAuthor, type WpComment, type WpItem, readWordPress } from "~/import/wordpress.server";
import { ImportFileError } from "~/import/xml-stream.server";
import type { PostStatus } from "~/model/status";

export { ImportFileError };

export type ImportOptions = {
  format: "wordpress" | "disqus";
  file: string;
  dryRun?: boolean;
  /** Disqus: a CSV of old URL or path → article slug. */
  map?: string;
  /** WordPress: post ids or slugs to import even without comments. */
  articles?: string[];
  keepPingbacks?: boolean;
  contentDir?: string;
  /** WordPress: each post stays on its site; its thread goes to an article record of the post's address, no file. */
  keepArticlesOnSite?: boolean;
  /** Told how many comments a run will write, then as each batch is written. */
  progress?: { start(total: number): void; advance(count: number): void; stop(): void };
};

type Target = {
  slug: string;
  title: string;
  state: ArticleReport["state"];
  /** Null in a dry run for an article not written yet. */
  article: {
    id: string;
    authorId: string | null;
    authorName: string;
    authorEmail: string | null;
    lastQuestionNumber: number;
  } | null;
  sections: SectionText[];
};

async function existingTarget(slug: string): Promise<Target | null> {
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      title: true,
      authorId: true,
      authorName: true,
      authorEmail: true,
      lastQuestionNumber: true,
      sections: { where: { removedAt: null }, select: { id: true, title: true, text: true } },
    },
  });
  if (!article) return null;
  return { slug, title: article.title, state: "existing", article, sections: article.sections };
}

/** Plans one article's comments and, unless it is a dry run, writes them. */
async function importComments(
  target: Target,
  comments: SourceComment[],
  prefix: string,
  report: ImportReport,
  options: ImportOptions,
) {
  const imported: Map<string, ImportedPost> = target.article
    ? await importedPosts(target.article.id, prefix)
    : new Map();
  const plan = planThreads(comments, imported, target.article?.lastQuestionNumber ?? 0);
  const suggested = suggestedSections(plan, target.sections);
  const posts = emptyCounts();
  for (const post of plan.posts) posts[post.comment.status]++;
  report.articles.push({
    slug: target.slug,
    title: target.title,
    state: target.state,
    posts,
    alreadyImported: plan.alreadyImported,
    byAuthor: plan.posts.filter((p) => p.comment.byAuthor).length,
    suggestedSections: [...suggested.values()].filter(Boolean).length,
    orphans: plan.orphans.length,
    capped: plan.capped,
    repeated: plan.repeated,
  });
  if (!options.dryRun && target.article) {
    await writePlan(target.article, plan, imported, suggested, prefix, (n) => options.progress?.advance(n));
  }
}

// ---------------------------------------------------------------- WordPress

const WP_STATUS: Record<string, PostStatus> = {
  "1": "published",
  "0": "pending",
  spam: "spam",
  trash: "deleted",
  "post-trashed": "deleted",
};

function wordpressComments(item: WpItem, author: WpAuthor | null, report: ImportReport, options: ImportOptions) {
  const comments: SourceComment[] = [];
  // Without an email the author has no account here, and so no "Post author" to show.
  const isAuthor = (c: WpComment) =>
    author?.email != null &&
    ((c.userId !== null && c.userId === author.id) ||
      (c.email !== null && c.email === author.email) ||
      (author.login !== "" && c.author.toLowerCase() === author.login.toLowerCase()));
  for (const c of item.comments) {
    const pingback = c.type === "pingback" || c.type === "trackback";
    if (pingback && !options.keepPingbacks) {
      skip(report, "pingbacks and trackbacks (--keep-pingbacks keeps them)");
      continue;
    }
    if (!c.id) {
      skip(report, "comments without a comment id");
      continue;
    }
    const status = WP_STATUS[c.approved] ?? "pending";
    comments.push({
      externalId: `wordpress:${c.id}`,
      parentExternalId: c.parent ? `wordpress:${c.parent}` : null,
      writerName: importedName(pingback ? `Pingback: ${c.author}` : c.author, "Anonymous").slice(0, 80),
      writerEmail: c.email,
      address: c.address,
      createdAt: c.date ?? item.date ?? new Date(0),
      status,
      markdown: xmlText(commentMarkdown(c.content)) || "(empty comment)",
      byAuthor: isAuthor(c),
      pingback,
    });
  }
  return comments;
}

function articleFile(item: WpItem, author: { name: string; email: string | null }, redirectFrom: string[]) {
  const description = item.excerpt
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const front: Record<string, unknown> = {
    title: item.title || `Imported post ${item.postId}`,
    ...(description ? { description } : {}),
    author: author.name,
    ...(author.email ? { authorEmail: author.email } : {}),
    published: (item.date ?? new Date()).toISOString().slice(0, 10),
    redirectFrom,
  };
  return `---\n${toYaml(front).trim()}\n---\n\n${articleMarkdown(item.content)}\n`;
}

function safeDecode(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function oldAddresses(item: WpItem): string[] {
  const candidates = [`/?p=${item.postId}`, item.type === "page" ? `/?page_id=${item.postId}` : "", item.link];
  if (item.slug) candidates.push(`/${item.slug}/`);
  return [
    ...new Set(candidates.map((c) => (c ? normaliseLegacyPath(c) : null)).filter((c): c is string => c !== null)),
  ];
}

async function authorAccount(author: { name: string; email: string | null }, report: ImportReport, dryRun: boolean) {
  const seen = report.authors.find((a) => a.email === author.email && a.name === author.name);
  if (!author.email) {
    if (!seen) report.authors.push({ ...author, account: "none" });
    return;
  }
  const user = await db.user.findUnique({ where: { email: author.email }, select: { id: true } });
  if (!user && !dryRun) {
    await db.user.create({ data: { email: author.email, displayName: author.name, role: "author" } });
  }
  if (!seen) report.authors.push({ ...author, account: user ? "existing" : dryRun ? "to create" : "created" });
}

/**
 * A WordPress item that is not an article yet, made one: a free slug, its
 * Markdown file written and synced (or, in a dry run, only parsed), and its
 * author's account. Null, with a note in the report, when it cannot be.
 */
async function newArticleTarget(
  item: WpItem,
  author: { name: string; email: string | null },
  run: { report: ImportReport; options: ImportOptions; usedSlugs: Set<string>; comments: number },
) {
  const { report, options, usedSlugs } = run;
  const dir = options.contentDir ?? ARTICLES_DIR;
  const base = slugify(safeDecode(item.slug) || item.title || `post-${item.postId}`);
  let slug = base;
  for (
    let n = 2;
    usedSlugs.has(slug) ||
    existsSync(join(dir, `${slug}.md`)) ||
    (await db.article.findUnique({ where: { slug }, select: { id: true } }));
    n++
  ) {
    slug = `${base}-${n}`;
  }
  usedSlugs.add(slug);
  const source = articleFile(item, author, oldAddresses(item));
  await authorAccount(author, report, Boolean(options.dryRun));
  if (options.dryRun) {
    let parsed: ReturnType<typeof parseArticle>;
    try {
      parsed = parseArticle(source);
    } catch (error) {
      report.notes.push(`"${item.title}" (post ${item.postId}) cannot become an article: ${(error as Error).message}`);
      skip(report, "comments on articles that could not be synced", run.comments);
      return null;
    }
    return {
      slug,
      title: parsed.frontMatter.title,
      state: "new" as const,
      article: null,
      sections: parsed.sections.map((s) => ({ id: s.anchor, title: s.title, text: s.text })),
    };
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${slug}.md`);
  writeFileSync(file, source);
  const sync = await syncArticleFile(file);
  if (sync.errors.length) {
    report.notes.push(`${file} was written but not synced: ${sync.errors[0].message}`);
    skip(report, "comments on articles that could not be synced", run.comments);
    return null;
  }
  return { ...(await existingTarget(slug))!, state: "new" as const };
}

/**
 * A WordPress item that stays on its site (--keep-articles-on-site), made an
 * article record: its address, title, author and old addresses, and its h2[id]
 * headings as sections; no Markdown file. Null, with a note, when its address
 * cannot be one a page reports (a plain "?p=" link).
 */
async function hostedArticleTarget(
  item: WpItem,
  author: { name: string; email: string | null },
  run: { report: ImportReport; options: ImportOptions; usedSlugs: Set<string>; comments: number },
) {
  const { report, options, usedSlugs } = run;
  const url = URL.canParse(item.link) ? new URL(item.link) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.pathname === "/") {
    report.notes.push(
      `"${item.title}" (post ${item.postId}) has no address of its own (${item.link || "none"}); ` +
        "give the site pretty permalinks, or import it without --keep-articles-on-site.",
    );
    skip(report, "comments on posts without an address of their own", run.comments);
    return null;
  }
  url.hash = "";
  const existing = await db.article.findUnique({ where: { url: url.href }, select: { slug: true } });
  await authorAccount(author, report, Boolean(options.dryRun));
  if (existing) return existingTarget(existing.slug);
  const base = slugify(safeDecode(item.slug) || item.title || `post-${item.postId}`);
  let slug = base;
  for (
    let n = 2;
    usedSlugs.has(slug) || (await db.article.findUnique({ where: { slug }, select: { id: true } }));
    n++
  ) {
    slug = `${base}-${n}`;
  }
  usedSlugs.add(slug);
  const sections = hostSections(headingsOf(item.content));
  const title = item.title || `Imported post ${item.postId}`;
  if (options.dryRun) {
    return {
      slug,
      title,
      state: "new" as const,
      article: null,
      sections: sections.map((s) => ({ id: s.anchor, title: s.title, text: s.text ?? s.title })),
    };
  }
  await recordHostedArticle(
    {
      slug,
      url: url.href,
      title,
      authorName: author.name,
      authorEmail: author.email,
      publishedAt: item.date ?? new Date(),
      legacyPaths: oldAddresses(item),
    },
    sections,
  );
  return { ...(await existingTarget(slug))!, state: "new" as const };
}

async function importWordPressItem(
  item: WpItem,
  authors: Map<string, WpAuthor>,
  report: ImportReport,
  options: ImportOptions,
  usedSlugs: Set<string>,
) {
  const named = options.articles?.some((a) => a === item.postId || a === item.slug) ?? false;
  if (item.type !== "post" && item.type !== "page") {
    if (item.comments.length) skip(report, `comments on ${item.type} items (not articles)`, item.comments.length);
    return;
  }
  if (item.status !== "publish" && !named) {
    skip(report, `${item.status} ${item.type}s (not published; name them with --articles)`);
    if (item.comments.length) skip(report, "comments on unpublished items", item.comments.length);
    return;
  }
  if (!item.comments.length && !named) {
    skip(report, "published items without comments (name them with --articles)");
    return;
  }
  const wpAuthor = authors.get(item.creator) ?? null;
  const author = { name: wpAuthor?.displayName || item.creator || "Unknown author", email: wpAuthor?.email ?? null };
  const comments = wordpressComments(item, wpAuthor, report, options);

  // A second run finds the article by its old "/?p=" address and leaves its file alone.
  const known = await db.legacyPath.findUnique({
    where: { path: `/?p=${item.postId}` },
    select: { article: { select: { slug: true } } },
  });
  let target = known ? await existingTarget(known.article.slug) : null;
  if (!target) {
    const run = { report, options, usedSlugs, comments: comments.length };
    target = options.keepArticlesOnSite
      ? await hostedArticleTarget(item, author, run)
      : await newArticleTarget(item, author, run);
    if (!target) return;
  } else {
    await authorAccount(author, report, Boolean(options.dryRun));
  }
  await importComments(target, comments, "wordpress", report, options);
}

async function importWordPress(report: ImportReport, options: ImportOptions) {
  const usedSlugs = new Set<string>();
  await readWordPress(options.file, (item, authors) => importWordPressItem(item, authors, report, options, usedSlugs));
}

// ---------------------------------------------------------------- Disqus

function readMap(file: string): Map<string, string> {
  let rows: string[][];
  try {
    rows = parseCsv(readFileSync(file, "utf8"), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new ImportFileError(file, `is not a readable CSV map: ${(error as Error).message}`);
  }
  const map = new Map<string, string>();
  rows.forEach((row, index) => {
    const [old, slug] = row;
    if (index === 0 && slug?.toLowerCase() === "slug") return;
    if (!old || !slug)
      throw new ImportFileError(file, `line ${index + 1} needs two columns: an old URL or path, then an article slug`);
    map.set(old, slug);
    const path = normaliseLegacyPath(old);
    if (path) map.set(path, slug);
  });
  return map;
}

const validDate = (text: string) => {
  const date = new Date(text);
  return text && !Number.isNaN(date.getTime()) ? date : null;
};

function disqusComment(
  post: DisqusPost,
  thread: DisqusThread | undefined,
  authorEmail: string | null,
  report: ImportReport,
): SourceComment {
  let created = validDate(post.createdAt);
  if (!created) {
    created = validDate(thread?.createdAt ?? "") ?? new Date(0);
    report.notes.push(`Post ${post.id} has no readable date ("${post.createdAt}"); it is dated as its thread.`);
  }
  const status: PostStatus = post.spam ? "spam" : post.deleted ? "deleted" : post.approved ? "published" : "pending";
  return {
    externalId: `disqus:${post.id}`,
    parentExternalId: post.parent ? `disqus:${post.parent}` : null,
    writerName: importedName(post.name || post.username || "", "Anonymous").slice(0, 80),
    writerEmail: post.email,
    address: post.address,
    createdAt: created,
    status,
    markdown: xmlText(commentMarkdown(post.message)) || (post.deleted ? "(deleted)" : "(empty comment)"),
    byAuthor: post.email !== null && post.email === authorEmail,
    pingback: false,
  };
}

async function importDisqus(report: ImportReport, options: ImportOptions) {
  if (!options.map)
    throw new ImportFileError(
      options.file,
      "a Disqus import needs --map <csv>: old URL or path, then article slug, per line",
    );
  const map = readMap(options.map);
  const stage = await stageDisqus(options.file);
  try {
    const bySlug = new Map<string, string[]>();
    const unknownSlugs = new Set<string>();
    for (const thread of stage.threads) {
      const keys = [
        thread.link,
        normaliseLegacyPath(thread.link ?? ""),
        thread.identifier,
        normaliseLegacyPath(thread.identifier),
      ];
      const slug = keys.map((key) => (key ? map.get(key) : undefined)).find(Boolean);
      if (!slug) {
        skip(report, "threads with no article in the map (their posts are left out too)");
        const posts = stage.postsOf([thread.id]).length;
        if (posts) skip(report, "posts in threads with no article in the map", posts);
        if (thread.link || thread.identifier)
          report.notes.push(`No article in the map for thread ${thread.id}: ${thread.link || thread.identifier}`);
        continue;
      }
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), thread.id]);
    }
    if (stage.withoutId) skip(report, "posts without a dsq:id", stage.withoutId);
    const orphaned = stage.postsWithoutThread();
    if (orphaned) skip(report, "posts naming a thread that is not in the file", orphaned);
    const threads = new Map(stage.threads.map((t) => [t.id, t]));
    for (const [slug, threadIds] of bySlug) {
      const target = await existingTarget(slug);
      if (!target?.article) {
        unknownSlugs.add(slug);
        skip(report, "posts mapped to an article that is not here", stage.postsOf(threadIds).length);
        continue;
      }
      const { article } = target;
      const comments = stage
        .postsOf(threadIds)
        .map((post) => disqusComment(post, threads.get(post.thread), article.authorEmail, report));
      if (!report.authors.some((a) => a.name === article.authorName)) {
        report.authors.push({
          name: article.authorName,
          email: article.authorEmail,
          account: article.authorId ? "existing" : "none",
        });
      }
      await importComments(target, comments, "disqus", report, options);
    }
    for (const slug of unknownSlugs)
      report.notes.push(
        `The map names "${slug}", which is not an article here: add content/articles/${slug}.md and run npm run content:sync first.`,
      );
  } finally {
    stage.close();
  }
}

// ---------------------------------------------------------------- the run

const run = (options: ImportOptions, report: ImportReport) =>
  options.format === "wordpress" ? importWordPress(report, options) : importDisqus(report, options);

/** Reads the whole file once, converting nothing: a malformed file fails here, before anything is written. */
async function countComments(options: ImportOptions): Promise<number> {
  if (options.format === "disqus") {
    const stage = await stageDisqus(options.file);
    stage.close();
    return stage.postCount;
  }
  let total = 0;
  await readWordPress(options.file, async (item) => {
    if (item.type !== "post" && item.type !== "page") return;
    const keep = item.comments.filter(
      (c) => options.keepPingbacks || (c.type !== "pingback" && c.type !== "trackback"),
    );
    total += keep.length;
  });
  return total;
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const report = newReport(options.format, options.file, Boolean(options.dryRun));
  if (options.dryRun) {
    await run(options, report);
    return report;
  }
  const total = await countComments(options);
  options.progress?.start(total);
  try {
    await run(options, report);
  } finally {
    options.progress?.stop();
  }
  return report;
}
