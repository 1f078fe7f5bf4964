// Writing posts: placing a reply in its thread, and publishing, which gives a
// question its public number and keeps the thread's counters. Every write
// that touches more than one row runs in one transaction.
import { Refusal } from "~/utils/refusal";
import { notifyPublished } from "~/mail/outbox.server";
import { type Db, db } from "~/db.server";
import { renderPostBody } from "~/posts/body.server";
import { textFingerprint } from "~/posts/fingerprint";
import { xmlText } from "~/utils/text-safety";
import { MAX_DEPTH, type PostStatus, VISIBLE_STATUS } from "~/model/status";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type NewPost = {
  articleId: string;
  parentId?: number | null;
  sectionId?: string | null;
  sectionSuggested?: boolean;
  userId?: string | null;
  guestName?: string | null;
  guestEmail?: string | null;
  guestKey?: string | null;
  ipHash?: string | null;
  body: string;
  status: PostStatus;
  /** Render moderator cut markers (only for text a moderator edited). */
  editMarkers?: boolean;
  /** The Markdown to render, when it differs from what was written (references resolved to links). */
  renderSource?: string;
  /** Intake flags for moderators: long, links, … */
  flags?: string[];
  externalId?: string | null;
  createdAt?: Date;
};

/**
 * Where a reply to `parentId` goes. The parent is always the post answered;
 * past MAX_DEPTH the depth stops growing and the page shows the reply beside
 * its parent, naming whom it answers, as WordPress does.
 */
async function placeReply(tx: Tx, articleId: string, parentId: number) {
  const parent = await tx.post.findUnique({
    where: { id: parentId },
    select: { id: true, articleId: true, status: true, depth: true, rootId: true, parentId: true, sectionId: true },
  });
  if (!parent || parent.articleId !== articleId || parent.status !== VISIBLE_STATUS) {
    throw new Refusal(400, "The post you are replying to is not on this article or not published.", {
      field: "parentId",
    });
  }
  return {
    parentId: parent.id,
    rootId: parent.rootId ?? parent.id,
    depth: Math.min(parent.depth + 1, MAX_DEPTH),
    sectionId: parent.sectionId,
  };
}

export async function createPost(input: NewPost, tx?: Tx) {
  const run = async (t: Tx) => {
    const placement = input.parentId
      ? await placeReply(t, input.articleId, input.parentId)
      : { parentId: null, rootId: null, depth: 1, sectionId: input.sectionId ?? null };
    const post = await t.post.create({
      data: {
        articleId: input.articleId,
        parentId: placement.parentId,
        rootId: placement.rootId,
        depth: placement.depth,
        // A reply is about what its question is about.
        sectionId: placement.sectionId,
        sectionSuggested: input.parentId ? false : (input.sectionSuggested ?? false),
        userId: input.userId ?? null,
        guestName: input.guestName ?? null,
        guestEmail: input.guestEmail ?? null,
        guestKey: input.guestKey ?? null,
        ipHash: input.ipHash ?? null,
        bodySource: xmlText(input.body),
        bodyHash: textFingerprint(input.body),
        bodyHtml: renderPostBody(xmlText(input.renderSource ?? input.body), { editMarkers: input.editMarkers }),
        status: "pending",
        flags: (input.flags ?? []).join(","),
        externalId: input.externalId ?? null,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      },
      select: { id: true },
    });
    if (input.status === VISIBLE_STATUS) await publishPost(post.id, t, input.createdAt);
    else if (input.status !== "pending")
      await t.post.update({ where: { id: post.id }, data: { status: input.status } });
    return post;
  };
  return tx ? run(tx) : db.$transaction(run);
}

/** A published post leaving the page: its question counts one reply fewer. */
export async function unpublishPost(tx: Tx, post: { status: string; rootId: number | null }) {
  if (post.status === VISIBLE_STATUS && post.rootId !== null) {
    await tx.post.update({ where: { id: post.rootId }, data: { replyCount: { decrement: 1 } } });
  }
}

/**
 * Makes a post public. A question gets the next number of its article (kept
 * on the article so numbers are never reused, even for rejected questions);
 * a reply counts towards its question, and an author's reply answers it.
 */
export async function publishPost(postId: number, tx: Tx, at = new Date(), options: { mailAfterMs?: number } = {}) {
  const post = await tx.post.findUnique({
    where: { id: postId },
    select: { status: true, parentId: true, rootId: true, number: true, userId: true, articleId: true },
  });
  if (!post) throw new Refusal(400, "That post does not exist.", { field: "postId" });
  if (post.status === VISIBLE_STATUS) return;
  let number = post.number;
  if (post.parentId === null && number === null) {
    const article = await tx.article.update({
      where: { id: post.articleId },
      data: { lastQuestionNumber: { increment: 1 } },
      select: { lastQuestionNumber: true },
    });
    number = article.lastQuestionNumber;
  }
  let byAuthor = false;
  if (post.rootId !== null) {
    const article = await tx.article.findUnique({ where: { id: post.articleId }, select: { authorId: true } });
    byAuthor = post.userId !== null && post.userId === article?.authorId;
    await tx.post.update({
      where: { id: post.rootId },
      data: { replyCount: { increment: 1 }, ...(byAuthor ? { authorAnswered: true } : {}) },
    });
  }
  await tx.post.update({ where: { id: postId }, data: { status: VISIBLE_STATUS, number, publishedAt: at } });
  // Its thread's followers are told, in this same transaction (the outbox).
  if (post.rootId !== null) {
    const published = { postId, rootId: post.rootId, articleId: post.articleId, isAnswer: byAuthor };
    await notifyPublished(tx, published, options.mailAfterMs ?? 0);
  }
}
