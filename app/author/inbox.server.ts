// The author's inbox: published questions on their articles whose thread has
// no answer from them yet, the most wanted first (readers who have the
// question too, then how long it has waited), or the newest or oldest first;
// with counts per article and section. A card carries no list of the
// article's questions: the composer finds one as the author types
// (findQuestions, behind /author/find-question).
import { type Actor, articlesOf } from "~/model/roles";
import { type Prisma, db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";
import { searchPosts, similarQuestionsOfEach } from "~/search/search.server";
import { shortened } from "~/utils/graphemes";
import { showDateTime } from "~/utils/dates";
import { pageWindow } from "~/utils/pages";

/**
 * Cards per page. Each card carries the question, the latest replies, the
 * similar answered questions and the composer (5 to 6 KB, and as much again in
 * the page's data): 10 keep the page under 100 KB of HTML.
 */
export const INBOX_PAGE_SIZE = 10;
/** Replies shown on a card, the latest; the thread's page has them all. */
export const INBOX_REPLIES = 3;
export const INBOX_SORTS = ["wanted", "newest", "oldest"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

const ORDER: Record<InboxSort, { meTooCount?: "desc"; id?: "asc" | "desc" }[]> = {
  // Most readers waiting on it, then the longest waiting.
  wanted: [{ meTooCount: "desc" }, { id: "asc" }],
  newest: [{ id: "desc" }],
  oldest: [{ id: "asc" }],
};

export type InboxFilter = { article?: string | null; section?: string | null; sort?: string | null; page?: number };

export async function getInbox(actor: Actor, filter: InboxFilter = {}) {
  const own = { article: articlesOf(actor) };
  const where = { parentId: null, status: VISIBLE_STATUS, authorAnswered: false, ...own };
  const sort: InboxSort = (INBOX_SORTS as readonly string[]).includes(filter.sort ?? "")
    ? (filter.sort as InboxSort)
    : "wanted";
  const counts = await db.post.groupBy({ by: ["articleId", "sectionId"], where, _count: { _all: true } });
  const articles = await db.article.findMany({
    where: { id: { in: [...new Set(counts.map((c) => c.articleId))] } },
    orderBy: { publishedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      sections: { select: { id: true, anchor: true, title: true, removedAt: true } },
    },
  });
  const article = filter.article ? articles.find((a) => a.slug === filter.article) : undefined;
  const section = article && filter.section ? article.sections.find((s) => s.anchor === filter.section) : undefined;
  const total = counts.reduce((sum, c) => sum + c._count._all, 0);
  const listed = counts
    .filter((c) => (!article || c.articleId === article.id) && (!section || c.sectionId === section.id))
    .reduce((sum, c) => sum + c._count._all, 0);
  const { page, pageCount, skip, take } = pageWindow(listed, INBOX_PAGE_SIZE, filter.page);
  const rows = await inboxRows(
    { ...where, ...(article ? { articleId: article.id } : {}), ...(section ? { sectionId: section.id } : {}) },
    ORDER[sort],
    skip,
    take,
  );
  const { questions, links } = await withThreadsAndLinks(rows, articles);
  return {
    total,
    listed,
    page,
    pageCount,
    sort,
    filter: article
      ? {
          article: { slug: article.slug, title: article.title },
          section: section ? { anchor: section.anchor, title: section.title } : null,
        }
      : null,
    articles: articlesWithCounts(articles, counts),
    questions,
    /** Per article on the page: what an answer can link to. */
    links,
  };
}

/** One page of the inbox's questions, as the page shows them. */
function inboxRows(
  where: Prisma.PostWhereInput,
  orderBy: Prisma.PostOrderByWithRelationInput[],
  skip: number,
  take: number,
) {
  return db.post.findMany({
    where,
    orderBy,
    skip,
    take,
    select: {
      id: true,
      articleId: true,
      number: true,
      bodyHtml: true,
      bodySource: true,
      publishedAt: true,
      createdAt: true,
      replyCount: true,
      meTooCount: true,
      guestName: true,
      user: { select: { displayName: true } },
      article: { select: { slug: true, title: true } },
      section: { select: { anchor: true, title: true, removedAt: true } },
    },
  });
}

type InboxRow = Awaited<ReturnType<typeof inboxRows>>[number];

/**
 * The thread so far under each question, in one query for the page, so that
 * the author sees what readers already answered; the answered questions each
 * one most resembles, for "Point to #n"; and, per article on the page, the
 * sections and questions an answer can link to (for the composer's pickers).
 */
async function withThreadsAndLinks(rows: InboxRow[], articles: { id: string; slug: string }[]) {
  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const [similar, replies, linkSections] = await Promise.all([
    similarQuestionsOfEach(
      rows.map((r) => ({ text: r.bodySource, articleId: r.articleId, exclude: [r.id], answeredOnly: true, limit: 3 })),
    ),
    latestReplies(rows.map((r) => r.id)),
    db.section.findMany({
      where: { articleId: { in: articleIds }, removedAt: null },
      orderBy: { position: "asc" },
      select: { articleId: true, anchor: true, title: true },
    }),
  ]);
  const repliesOf = (id: number) =>
    replies
      .filter((reply) => reply.rootId === id)
      .map((reply) => ({ id: reply.id, writer: reply.writer ?? "a reader", bodyHtml: reply.bodyHtml }));
  const linksFor = (articleId: string) => ({
    slug: articles.find((a) => a.id === articleId)?.slug ?? "",
    sections: linkSections.filter((s) => s.articleId === articleId).map((s) => ({ anchor: s.anchor, title: s.title })),
  });
  const questions = rows.map((r, i) => ({
    id: r.id,
    number: r.number,
    asker: r.user?.displayName ?? r.guestName ?? "a reader",
    bodyHtml: r.bodyHtml,
    date: showDateTime(r.publishedAt ?? r.createdAt),
    replyCount: r.replyCount,
    meToo: r.meTooCount,
    article: r.article,
    section: r.section && !r.section.removedAt ? { anchor: r.section.anchor, title: r.section.title } : null,
    replies: repliesOf(r.id),
    articleId: r.articleId,
    similar: similar[i],
  }));
  return { questions, links: Object.fromEntries(articleIds.map((id) => [id, linksFor(id)])) };
}

/**
 * Each article with open questions, and its sections that have some (a removed
 * section's count as the whole article).
 */
function articlesWithCounts(
  articles: {
    id: string;
    slug: string;
    title: string;
    sections: { id: string; anchor: string; title: string; removedAt: Date | null }[];
  }[],
  counts: { articleId: string; sectionId: string | null; _count: { _all: number } }[],
) {
  const countOf = (articleId: string, sectionId?: string | null) =>
    counts
      .filter((c) => c.articleId === articleId && (sectionId === undefined || c.sectionId === sectionId))
      .reduce((sum, c) => sum + c._count._all, 0);
  return articles.map((a) => {
    const live = a.sections.filter((s) => !s.removedAt && countOf(a.id, s.id) > 0);
    return {
      slug: a.slug,
      title: a.title,
      count: countOf(a.id),
      sections: live.map((s) => ({ anchor: s.anchor, title: s.title, count: countOf(a.id, s.id) })),
      wholeArticle: countOf(a.id) - live.reduce((sum, s) => sum + countOf(a.id, s.id), 0),
    };
  });
}

/**
 * Published questions of one of the actor's articles that an answer can point
 * to, as the author types: "#12" (or "12") finds that question, words find
 * the questions holding them. At most `limit`.
 */
export async function findQuestions(actor: Actor, slug: string, q: string, limit = 8) {
  const article = await db.article.findFirst({
    where: { slug, ...articlesOf(actor) },
    select: { id: true, slug: true },
  });
  if (!article) return [];
  const number = /^#?\s*(\d{1,7})$/.exec(q.trim());
  if (number) {
    const post = await db.post.findFirst({
      where: { articleId: article.id, number: Number(number[1]), parentId: null, status: VISIBLE_STATUS },
      select: { number: true, bodySource: true, guestName: true, user: { select: { displayName: true } } },
    });
    return post ? [shownQuestion(post)] : [];
  }
  const found = await searchPosts({ q, article: article.slug });
  const numbers = [...new Set(found.results.map((r) => r.number))].slice(0, limit);
  if (numbers.length === 0) return [];
  const posts = await db.post.findMany({
    where: { articleId: article.id, number: { in: numbers }, parentId: null, status: VISIBLE_STATUS },
    select: { number: true, bodySource: true, guestName: true, user: { select: { displayName: true } } },
  });
  return numbers.flatMap((n) => posts.filter((p) => p.number === n).map(shownQuestion));
}

function shownQuestion(post: {
  number: number | null;
  bodySource: string;
  guestName: string | null;
  user: { displayName: string } | null;
}) {
  const text = post.bodySource.replace(/\s+/g, " ").trim();
  return {
    number: post.number!,
    asker: post.user?.displayName ?? post.guestName ?? "a reader",
    excerpt: shortened(text, 90),
  };
}

/** The latest INBOX_REPLIES published replies of each thread, oldest first: one query, however long the threads. */
async function latestReplies(rootIds: number[]) {
  if (rootIds.length === 0) return [];
  // Ids the database gave, checked to be integers, written into the statement (one placeholder syntax for both engines).
  const ids = rootIds.filter((id) => Number.isSafeInteger(id)).join(", ");
  const rows = await db.$queryRawUnsafe<
    { id: number | bigint; rootId: number | bigint; bodyHtml: string; writer: string | null }[]
  >(
    `SELECT r."id", r."rootId", r."bodyHtml", r."writer" FROM (
      SELECT p."id", p."rootId", p."bodyHtml", COALESCE(u."displayName", p."guestName") AS "writer",
        ROW_NUMBER() OVER (PARTITION BY p."rootId" ORDER BY p."id" DESC) AS "latest"
      FROM "Post" p LEFT JOIN "User" u ON u."id" = p."userId"
      WHERE p."rootId" IN (${ids}) AND p."status" = '${VISIBLE_STATUS}'
    ) r WHERE r."latest" <= ${INBOX_REPLIES} ORDER BY r."id" ASC`,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id), rootId: Number(row.rootId) }));
}
