// The author's inbox: published questions on their articles whose thread has
// no answer from them yet, oldest first, with counts per section.
import { type Actor, articlesOf } from "~/auth/roles";
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/posts/status";
import { similarQuestionsOfEach } from "~/search/search.server";
import { showDateTime } from "~/utils/dates";
import { pageWindow } from "~/utils/pages";

export const INBOX_PAGE_SIZE = 20;

export async function getInbox(actor: Actor, filter: { section?: string | null; page?: number } = {}) {
  const own = { article: articlesOf(actor) };
  const where = { parentId: null, status: VISIBLE_STATUS, authorAnswered: false, ...own };
  const counts = await db.post.groupBy({ by: ["sectionId"], where, _count: { _all: true } });
  const sectionIds = counts.map((c) => c.sectionId).filter((id): id is string => id !== null);
  const sections = await db.section.findMany({
    where: { id: { in: sectionIds } },
    select: { id: true, anchor: true, title: true, article: { select: { title: true } } },
  });
  const bySection = new Map(sections.map((s) => [s.id, s]));
  const chosen = filter.section ? sections.find((s) => s.anchor === filter.section) : undefined;
  const total = counts.reduce((sum, c) => sum + c._count._all, 0);
  const listed = chosen ? (counts.find((c) => c.sectionId === chosen.id)?._count._all ?? 0) : total;
  const { page, pageCount, skip, take } = pageWindow(listed, INBOX_PAGE_SIZE, filter.page);
  const rows = await db.post.findMany({
    where: { ...where, ...(chosen ? { sectionId: chosen.id } : {}) },
    orderBy: { id: "asc" },
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
      guestName: true,
      user: { select: { displayName: true } },
      article: { select: { slug: true, title: true } },
      section: { select: { anchor: true, title: true, removedAt: true } },
    },
  });
  // The thread so far under each question, in one query for the page, so that the
  // author sees what readers already answered; and, per article on the page, the
  // sections and questions an answer can link to (for the composer's pickers).
  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const [similar, replies, linkSections, linkQuestions] = await Promise.all([
    // The answered questions each one most resembles, for "Point to #n".
    similarQuestionsOfEach(
      rows.map((r) => ({ text: r.bodySource, articleId: r.articleId, exclude: [r.id], answeredOnly: true, limit: 3 })),
    ),
    rows.length
      ? db.post.findMany({
          where: { rootId: { in: rows.map((r) => r.id) }, status: VISIBLE_STATUS },
          orderBy: { id: "asc" },
          select: { id: true, rootId: true, bodyHtml: true, guestName: true, user: { select: { displayName: true } } },
        })
      : [],
    db.section.findMany({
      where: { articleId: { in: articleIds }, removedAt: null },
      orderBy: { position: "asc" },
      select: { articleId: true, anchor: true, title: true },
    }),
    db.post.findMany({
      where: { articleId: { in: articleIds }, parentId: null, status: VISIBLE_STATUS, number: { not: null } },
      orderBy: { number: "asc" },
      select: { articleId: true, number: true, guestName: true, user: { select: { displayName: true } } },
    }),
  ]);
  const repliesOf = (id: number) =>
    replies
      .filter((reply) => reply.rootId === id)
      .map((reply) => ({
        id: reply.id,
        writer: reply.user?.displayName ?? reply.guestName ?? "a reader",
        bodyHtml: reply.bodyHtml,
      }));
  const linksFor = (articleId: string) => ({
    sections: linkSections.filter((s) => s.articleId === articleId).map((s) => ({ anchor: s.anchor, title: s.title })),
    questions: linkQuestions
      .filter((q) => q.articleId === articleId)
      .map((q) => ({ number: q.number!, asker: q.user?.displayName ?? q.guestName ?? "a reader" })),
  });
  return {
    total,
    page,
    pageCount,
    filter: chosen ? { anchor: chosen.anchor, title: chosen.title } : null,
    sections: counts
      .filter((c) => c.sectionId && bySection.has(c.sectionId))
      .map((c) => {
        const s = bySection.get(c.sectionId!)!;
        return { anchor: s.anchor, title: s.title, article: s.article.title, count: c._count._all };
      }),
    wholeArticle: counts.find((c) => c.sectionId === null)?._count._all ?? 0,
    questions: rows.map((r, i) => ({
      id: r.id,
      number: r.number,
      asker: r.user?.displayName ?? r.guestName ?? "a reader",
      bodyHtml: r.bodyHtml,
      date: showDateTime(r.publishedAt ?? r.createdAt),
      replyCount: r.replyCount,
      article: r.article,
      section: r.section && !r.section.removedAt ? { anchor: r.section.anchor, title: r.section.title } : null,
      replies: repliesOf(r.id),
      articleId: r.articleId,
      similar: similar[i],
    })),
    /** Per article on the page: what an answer can link to. */
    links: Object.fromEntries(articleIds.map((id) => [id, linksFor(id)])),
  };
}
