// Sections to confirm: questions whose section was chosen from their words
// (an imported question, or one asked without choosing) wait here until the
// article's author, a moderator or an admin confirms or changes it. A question's
// replies are about what it is about, so they follow.
import { type Actor, articlesOf, mayActOnArticle } from "~/model/roles";
import { WHOLE_ARTICLE } from "~/author/sections";
import { db } from "~/db.server";
import { capitalise, postName } from "~/moderation/post-names";
import { showDateTime } from "~/utils/dates";
import { pageWindow } from "~/utils/pages";
import { Refusal } from "~/utils/refusal";

export const SECTIONS_PAGE_SIZE = 20;

const suggested = (actor: Actor) => ({
  parentId: null,
  sectionSuggested: true,
  status: { in: ["published", "pending"] },
  article: articlesOf(actor),
});

export async function countSectionsToConfirm(actor: Actor) {
  return db.post.count({ where: suggested(actor) });
}

export async function sectionsToConfirm(actor: Actor, asked = 1) {
  const where = suggested(actor);
  const total = await db.post.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, SECTIONS_PAGE_SIZE, asked);
  const rows = await db.post.findMany({
    where,
    orderBy: { id: "asc" },
    skip,
    take,
    select: {
      id: true,
      number: true,
      status: true,
      bodyHtml: true,
      createdAt: true,
      guestName: true,
      user: { select: { displayName: true } },
      section: { select: { anchor: true } },
      article: {
        select: {
          id: true,
          slug: true,
          title: true,
          sections: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { anchor: true, title: true } },
        },
      },
    },
  });
  return {
    total,
    page,
    pageCount,
    questions: rows.map((row) => {
      const writer = row.user?.displayName ?? row.guestName ?? "a reader";
      return {
        id: row.id,
        name: capitalise(postName({ parentId: null, number: row.number, writer, rootNumber: null })),
        pending: row.status === "pending",
        number: row.number,
        bodyHtml: row.bodyHtml,
        date: showDateTime(row.createdAt),
        suggested: row.section?.anchor ?? WHOLE_ARTICLE,
        article: { slug: row.article.slug, title: row.article.title },
        sections: row.article.sections,
      };
    }),
  };
}

/**
 * Files the question under `anchor` (or the whole article) for good, and says
 * so in the audit log; what to tell the author. A Refusal says why not.
 */
export async function confirmSection(actor: Actor, postId: number, anchor: string): Promise<string> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      parentId: true,
      number: true,
      sectionSuggested: true,
      guestName: true,
      user: { select: { displayName: true } },
      section: { select: { title: true } },
      article: {
        select: {
          authorId: true,
          sections: { where: { removedAt: null }, select: { id: true, anchor: true, title: true } },
        },
      },
    },
  });
  if (!post || post.parentId !== null) throw new Refusal(404, "There is no such question.");
  if (!mayActOnArticle(actor, post.article.authorId)) {
    throw new Refusal(403, "Only the article’s author, a moderator or an admin can file its questions.");
  }
  const section = anchor === WHOLE_ARTICLE ? null : post.article.sections.find((s) => s.anchor === anchor);
  if (section === undefined) throw new Refusal(400, "That section is not in this article any more.");
  const name = postName({
    parentId: null,
    number: post.number,
    writer: post.user?.displayName ?? post.guestName ?? "a reader",
    rootNumber: null,
  });
  const claimed = await db.$transaction(async (tx) => {
    // Confirmed once: a second confirmation of the same question (another tab, another moderator) changes nothing.
    const { count } = await tx.post.updateMany({
      where: { id: post.id, sectionSuggested: true },
      data: { sectionId: section?.id ?? null, sectionSuggested: false },
    });
    if (count === 0) return false;
    await tx.post.updateMany({ where: { rootId: post.id }, data: { sectionId: section?.id ?? null } });
    await tx.moderationAction.create({
      data: {
        actorId: actor.id,
        action: "file_section",
        postId: post.id,
        before: post.section?.title ?? "The whole article",
        after: section?.title ?? "The whole article",
      },
    });
    return true;
  });
  if (!claimed) throw new Refusal(409, `The section of ${name} was already confirmed.`);
  return `Filed ${name} under “${section?.title ?? "The whole article"}”.`;
}
