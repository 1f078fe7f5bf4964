// Everything the article page and the thread page show, read in a fixed
// number of queries whatever the number of posts: the article with its
// sections, the per-section counts, one page of questions, and every
// published reply of those questions at once.
import { graphemeStart } from "~/utils/graphemes";
import { THREADS_PER_PAGE, type ThreadSort } from "~/articles/listing";
import { db } from "~/db.server";
import { questionPath } from "~/model/paths";
import { isWrittenBy } from "~/model/writer";
import { VISIBLE_STATUS } from "~/model/status";
import { buildThreads, type Threaded } from "~/model/thread-tree";
import { type ShownDate, showDate, showDateTime } from "~/utils/dates";

export type SectionRef = { anchor: string; title: string };

export type ShownPost = {
  id: number;
  parentId: number | null;
  rootId: number | null;
  number: number | null;
  depth: number;
  writer: string;
  byArticleAuthor: boolean;
  date: ShownDate;
  bodyHtml: string;
  /** Null when the post is about the whole article (or its section left the article). */
  section: SectionRef | null;
  /** Shown only to its writer until a moderator approves it. */
  pending: boolean;
  /** Written by the person viewing the page (never true on a page shared between readers). */
  mine: boolean;
  /** Its writer changed it after sending it. */
  edited: boolean;
  /** A question: readers who have it too; a reply: readers it answered. */
  marks: number;
};

/** Whose pending posts a page may show: the person who wrote them, and nobody else. */
export type Viewer = { guestKey: string | null; userId: string | null };

const postSelect = {
  id: true,
  parentId: true,
  rootId: true,
  number: true,
  depth: true,
  guestName: true,
  guestKey: true,
  userId: true,
  user: { select: { displayName: true } },
  publishedAt: true,
  createdAt: true,
  bodyHtml: true,
  sectionId: true,
  status: true,
  editedAt: true,
  meTooCount: true,
  answeredCount: true,
} as const;

type PostRow = {
  id: number;
  parentId: number | null;
  rootId: number | null;
  number: number | null;
  depth: number;
  guestName: string | null;
  guestKey: string | null;
  userId: string | null;
  user: { displayName: string } | null;
  publishedAt: Date | null;
  createdAt: Date;
  bodyHtml: string;
  sectionId: string | null;
  status: string;
  editedAt: Date | null;
  meTooCount: number;
  answeredCount: number;
};

/** What every listing of an article shows about it. */
const ARTICLE_SUMMARY = {
  id: true,
  slug: true,
  title: true,
  description: true,
  authorName: true,
  publishedAt: true,
} as const;

async function loadArticle(slug: string) {
  return db.article.findUnique({
    where: { slug },
    select: {
      ...ARTICLE_SUMMARY,
      authorId: true,
      introHtml: true,
      footnotesHtml: true,
      updatedAt: true,
      url: true,
      sections: {
        select: { id: true, anchor: true, title: true, html: true, removedAt: true },
        orderBy: { position: "asc" },
      },
    },
  });
}
type LoadedArticle = NonNullable<Awaited<ReturnType<typeof loadArticle>>>;

function shapePost(
  row: PostRow,
  article: LoadedArticle,
  sections: Map<string, SectionRef>,
  viewer: Viewer | undefined,
): ShownPost {
  return {
    id: row.id,
    parentId: row.parentId,
    rootId: row.rootId,
    number: row.number,
    depth: row.depth,
    writer: row.user?.displayName ?? row.guestName ?? "Anonymous",
    byArticleAuthor: row.userId !== null && row.userId === article.authorId,
    date: showDateTime(row.publishedAt ?? row.createdAt),
    bodyHtml: row.bodyHtml,
    section: row.sectionId ? (sections.get(row.sectionId) ?? null) : null,
    pending: row.status !== VISIBLE_STATUS,
    mine: isWrittenBy(row, viewer),
    edited: row.editedAt !== null,
    // Readers who have the question too (a question), or whom it answered (a reply).
    marks: row.parentId === null ? row.meTooCount : row.answeredCount,
  };
}

/**
 * The viewer's own posts awaiting moderation on this article: one query, and
 * none for a stranger. Asked on every page of a reader who has posted, so it
 * is plain SQL (Prisma's query builder costs several times the query).
 */
async function pendingFor(articleId: string, viewer: Viewer | undefined): Promise<PostRow[]> {
  if (!viewer?.guestKey && !viewer?.userId) return [];
  const rows = await db.$queryRaw<(Omit<PostRow, "user"> & { displayName: string | null })[]>`
    SELECT p."id", p."parentId", p."rootId", p."number", p."depth", p."guestName", p."guestKey", p."userId",
      u."displayName", p."publishedAt", p."createdAt", p."bodyHtml", p."sectionId", p."status", p."editedAt",
      p."meTooCount", p."answeredCount"
    FROM "Post" p LEFT JOIN "User" u ON u."id" = p."userId"
    WHERE p."articleId" = ${articleId} AND p."status" IN ('pending', 'spam')
      AND (p."guestKey" = ${viewer.guestKey ?? null} OR p."userId" = ${viewer.userId ?? null})
    ORDER BY p."id" ASC`;
  // Spam too: a banned writer is shown the usual "awaiting moderation".
  return rows.map(({ displayName, ...row }) => ({
    ...row,
    id: Number(row.id),
    parentId: row.parentId === null ? null : Number(row.parentId),
    rootId: row.rootId === null ? null : Number(row.rootId),
    number: row.number === null ? null : Number(row.number),
    depth: Number(row.depth),
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt),
    createdAt: new Date(row.createdAt),
    editedAt: row.editedAt === null ? null : new Date(row.editedAt),
    meTooCount: Number(row.meTooCount),
    answeredCount: Number(row.answeredCount),
    user: displayName === null ? null : { displayName },
  }));
}

function liveSections(article: LoadedArticle) {
  return new Map(
    article.sections.filter((s) => !s.removedAt).map((s) => [s.id, { anchor: s.anchor, title: s.title }] as const),
  );
}

/** What the article page shows (as the browser gets it). */
export type ArticlePage = {
  article: {
    slug: string;
    title: string;
    description: string;
    authorName: string;
    published: ShownDate;
    updated: ShownDate;
    introHtml: string;
    footnotesHtml: string | null;
    /** Where the article itself is, when it lives on another site (embed.js); its text is not here. */
    url: string | null;
  };
  sections: (SectionRef & { html: string; questionCount: number })[];
  questionCount: number;
  replyCount: number;
  sort: ThreadSort;
  filter: (SectionRef & { questionCount: number }) | null;
  page: number;
  pageCount: number;
  threads: ShownThread[];
  /** The viewer's own questions awaiting moderation (none on a page shared between readers). */
  pendingQuestions: ShownThread[];
};

export type ArticlePageQuery = { page?: number; sort?: ThreadSort; section?: string | null };

/**
 * One page of an article's questions as every reader sees it, with what the
 * server needs to show it to one reader (their own posts marked, their pending
 * ones in place) without reading the published posts again. `page` is what
 * the browser gets; the rest never leaves the server.
 */
export type ArticleListing = {
  page: ArticlePage;
  articleId: string;
  /** Who wrote each post on the page. */
  writers: Map<number, { userId: string | null; guestKey: string | null }>;
  /** Each thread's posts before nesting, by question id (for rebuilding the threads a reader has posts in). */
  flat: Map<number, ShownPost[]>;
  shape: (row: PostRow, viewer?: Viewer) => ShownPost;
};

/** How many questions and replies an article has published, and its questions by live section. */
async function questionCounts(articleId: string, sections: Map<string, unknown>) {
  const counts = await db.post.groupBy({
    by: ["sectionId"],
    where: { articleId, parentId: null, status: VISIBLE_STATUS },
    _count: { _all: true },
    _sum: { replyCount: true },
  });
  let questionCount = 0;
  let replyCount = 0;
  const perSection = new Map<string, number>();
  for (const row of counts) {
    questionCount += row._count._all;
    replyCount += row._sum.replyCount ?? 0;
    // Questions on a removed section count towards the whole article.
    if (row.sectionId && sections.has(row.sectionId)) perSection.set(row.sectionId, row._count._all);
  }
  return { questionCount, replyCount, perSection };
}

/** One page of an article's published questions in the order asked for, and every published reply in them. */
async function pageOfThreads(articleId: string, at: { sort: ThreadSort; sectionId: string | null; page: number }) {
  const orderBy =
    at.sort === "newest"
      ? [{ number: "desc" as const }]
      : at.sort === "replies"
        ? [{ replyCount: "desc" as const }, { number: "asc" as const }]
        : [{ number: "asc" as const }];
  const roots: PostRow[] = await db.post.findMany({
    where: {
      articleId,
      parentId: null,
      status: VISIBLE_STATUS,
      ...(at.sectionId ? { sectionId: at.sectionId } : {}),
      ...(at.sort === "unanswered" ? { authorAnswered: false } : {}),
    },
    orderBy,
    skip: (at.page - 1) * THREADS_PER_PAGE,
    take: THREADS_PER_PAGE,
    select: postSelect,
  });
  const replies: PostRow[] = roots.length
    ? await db.post.findMany({
        where: { rootId: { in: roots.map((r) => r.id) }, status: VISIBLE_STATUS },
        orderBy: { id: "asc" },
        select: postSelect,
      })
    : [];
  return { roots, replies };
}

/** The page of questions with nothing of any reader's own in it: five queries, whatever the number of posts. */
export async function loadArticleListing(slug: string, query: ArticlePageQuery = {}): Promise<ArticleListing | null> {
  const article = await loadArticle(slug);
  if (!article) return null;
  const sections = liveSections(article);
  const sort = query.sort ?? "oldest";
  const filter = query.section
    ? (article.sections.find((s) => s.anchor === query.section && !s.removedAt) ?? null)
    : null;

  const { questionCount, replyCount, perSection } = await questionCounts(article.id, sections);
  const listed = filter ? (perSection.get(filter.id) ?? 0) : questionCount;
  const pageCount = Math.max(1, Math.ceil(listed / THREADS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);
  const { roots, replies } = await pageOfThreads(article.id, { sort, sectionId: filter?.id ?? null, page });
  const shape = (row: PostRow, viewer?: Viewer) => shapePost(row, article, sections, viewer);
  const writers = new Map([...roots, ...replies].map((r) => [r.id, { userId: r.userId, guestKey: r.guestKey }]));
  const flat = new Map(roots.map((r) => [r.id, [shape(r)]]));
  for (const reply of replies) if (reply.rootId !== null) flat.get(reply.rootId)?.push(shape(reply));
  return {
    page: {
      article: {
        slug: article.slug,
        title: article.title,
        description: article.description,
        authorName: article.authorName,
        published: showDate(article.publishedAt),
        updated: showDate(article.updatedAt),
        introHtml: article.introHtml,
        footnotesHtml: article.footnotesHtml,
        url: article.url,
      },
      sections: article.sections
        .filter((s) => !s.removedAt)
        .map((s) => ({ anchor: s.anchor, title: s.title, html: s.html, questionCount: perSection.get(s.id) ?? 0 })),
      questionCount,
      replyCount,
      sort,
      filter: filter ? { anchor: filter.anchor, title: filter.title, questionCount: listed } : null,
      page,
      pageCount,
      threads: roots.map((r) => {
        const [root, ...rest] = flat.get(r.id)!;
        return buildThreads([root], rest)[0];
      }),
      pendingQuestions: [],
    },
    articleId: article.id,
    writers,
    flat,
    shape,
  };
}

/**
 * The listing as one reader sees it: their own posts marked as theirs, their
 * posts awaiting moderation in place (replies in their threads, questions
 * above the list). One query, none for a reader who has never posted. The
 * threads they have nothing in are the listing's own objects, unchanged.
 */
export async function withViewer(listing: ArticleListing, viewer: Viewer | undefined): Promise<ArticlePage> {
  const pending = await pendingFor(listing.articleId, viewer);
  const pendingIn = new Map<number, PostRow[]>();
  for (const row of pending) {
    if (row.rootId !== null && listing.flat.has(row.rootId))
      pendingIn.set(row.rootId, [...(pendingIn.get(row.rootId) ?? []), row]);
  }
  const mine = new Set<number>();
  if (viewer && (viewer.userId !== null || viewer.guestKey !== null)) {
    for (const [id, writer] of listing.writers) if (isWrittenBy(writer, viewer)) mine.add(id);
  }
  const threads = listing.page.threads.map((thread) => {
    const posts = listing.flat.get(thread.id)!;
    const own = pendingIn.get(thread.id) ?? [];
    if (own.length === 0 && !posts.some((p) => mine.has(p.id))) return thread;
    const [root, ...replies] = posts.map((p) => (mine.has(p.id) ? { ...p, mine: true } : p));
    const all = [...replies, ...own.map((row) => listing.shape(row, viewer))].sort((a, b) => a.id - b.id);
    return buildThreads([root], all)[0];
  });
  return {
    ...listing.page,
    threads,
    pendingQuestions: buildThreads(
      pending.filter((p) => p.parentId === null).map((row) => listing.shape(row, viewer)),
      [],
    ),
  };
}

export async function getArticlePage(slug: string, query: ArticlePageQuery = {}, viewer?: Viewer) {
  const listing = await loadArticleListing(slug, query);
  return listing && withViewer(listing, viewer);
}

export type ShownThread = Threaded<ShownPost>;

/** One question with all its published replies, for `/articles/:slug/questions/:number`. */
export async function getThreadPage(slug: string, questionNumber: number, viewer?: Viewer) {
  const article = await loadArticle(slug);
  if (!article) return null;
  const pending = await pendingFor(article.id, viewer);
  const root: (PostRow & { bodySource: string }) | null = await db.post.findFirst({
    where: { number: questionNumber, articleId: article.id, parentId: null, status: VISIBLE_STATUS },
    select: { ...postSelect, bodySource: true },
  });
  if (!root) return null;
  const replies: PostRow[] = await db.post.findMany({
    where: { rootId: root.id, status: VISIBLE_STATUS },
    orderBy: { id: "asc" },
    select: postSelect,
  });
  const sections = liveSections(article);
  const shape = (row: PostRow) => shapePost(row, article, sections, viewer);
  const mine = pending.filter((p) => p.rootId === root.id);
  const [thread] = buildThreads([shape(root)], [...replies, ...mine].sort((a, b) => a.id - b.id).map(shape));
  return {
    article: { slug: article.slug, title: article.title, authorName: article.authorName },
    thread,
    replyCount: replies.length,
    /** The question's opening words, for the page's heading and title. */
    summary: openingWords(root.bodySource),
  };
}

/** The opening of a text as plain words, at most `max` characters, cut at a word. */
export function openingWords(markdown: string, max = 90): string {
  const plain = markdown
    .replace(/\[EDITED FOR LENGTH\]/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_>#|~]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.lastIndexOf(" ", max);
  return `${plain.slice(0, cut > max / 2 ? cut : graphemeStart(plain, max))}…`;
}

/** The home page: every article with its number of published questions. */
export async function listArticles() {
  const [articles, counts] = await Promise.all([
    db.article.findMany({
      orderBy: { publishedAt: "desc" },
      select: { ...ARTICLE_SUMMARY, wordCount: true },
    }),
    db.post.groupBy({
      by: ["articleId"],
      where: { parentId: null, status: VISIBLE_STATUS },
      _count: { _all: true },
    }),
  ]);
  const byArticle = new Map(counts.map((c) => [c.articleId, c._count._all]));
  return articles.map((a) => ({
    slug: a.slug,
    title: a.title,
    description: a.description,
    authorName: a.authorName,
    published: showDate(a.publishedAt),
    readingMinutes: Math.max(1, Math.round(a.wordCount / 230)),
    questionCount: byArticle.get(a.id) ?? 0,
  }));
}

/**
 * Where a post's permalink (`/articles/:slug/posts/:id`) leads: its question's
 * page by number, at the post; the writer's own pending question, to the
 * article page where it waits. Null for what this viewer may not see.
 */
export async function permalinkTarget(slug: string, id: number, viewer?: Viewer) {
  const post = await db.post.findFirst({
    where: { id, article: { slug } },
    select: { status: true, parentId: true, rootId: true, number: true, userId: true, guestKey: true },
  });
  if (!post) return null;
  const published = post.status === VISIBLE_STATUS;
  if (!published && !(isWrittenBy(post, viewer) && (post.status === "pending" || post.status === "spam"))) return null;
  const root =
    post.parentId === null || post.rootId === null
      ? post
      : await db.post.findFirst({ where: { id: post.rootId, status: VISIBLE_STATUS }, select: { number: true } });
  if (root?.number != null && (published || post.parentId !== null)) {
    return { path: `${questionPath(slug, root.number)}#post-${id}`, permanent: published };
  }
  return { path: `/articles/${slug}#post-${id}`, permanent: false };
}

/** An article by its address, with what a form posting to it needs; null when there is none. */
export function findArticle(slug: string) {
  return db.article.findUnique({ where: { slug }, select: { id: true, slug: true } });
}
