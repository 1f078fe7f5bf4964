// The author's inbox: published questions on their articles whose thread has
// no answer from them yet, oldest first, with counts per section.
import { type Actor, articlesOf } from "~/auth/roles";
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/posts/status";
import { showDateTime } from "~/utils/dates";

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
  const pageCount = Math.max(1, Math.ceil(listed / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await db.post.findMany({
    where: { ...where, ...(chosen ? { sectionId: chosen.id } : {}) },
    orderBy: { id: "asc" },
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      bodyHtml: true,
      publishedAt: true,
      createdAt: true,
      replyCount: true,
      guestName: true,
      user: { select: { displayName: true } },
      article: { select: { slug: true, title: true } },
      section: { select: { anchor: true, title: true, removedAt: true } },
    },
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
    questions: rows.map((r) => ({
      id: r.id,
      number: r.number,
      asker: r.user?.displayName ?? r.guestName ?? "a reader",
      bodyHtml: r.bodyHtml,
      date: showDateTime(r.publishedAt ?? r.createdAt),
      replyCount: r.replyCount,
      article: r.article,
      section: r.section && !r.section.removedAt ? { anchor: r.section.anchor, title: r.section.title } : null,
    })),
  };
}
