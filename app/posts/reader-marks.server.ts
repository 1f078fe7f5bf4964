// Readers' marks on published posts: "I have this question too" on a
// question, "This answered my question" on a reply. One of each per visitor
// (the account, or else the guest cookie) and post, which the visitor can
// take back; rate-limited per visitor and per address like posting. The
// counts live on the post (meTooCount, answeredCount), changed in the
// transaction that adds or removes the mark, and move the article's shared
// pages on (Article.marksChangedAt) without moving the post's own dates.
// A moderator can clear a post's marks that look like abuse: they are kept,
// count no more, and cannot be added again by the same visitors.
import { Refusal } from "~/utils/refusal";
import { takeFromWindow } from "~/auth/throttle.server";
import { type Tx, db } from "~/db.server";
import { follow } from "~/mail/subscriptions.server";
import { VISIBLE_STATUS } from "~/model/status";

export const MARK_KINDS = ["me-too", "answered"] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** Marks one visitor, or one address, may add or take back in MARK_WINDOW_MS. */
export const MARKS_PER_WINDOW = 30;
export const MARK_WINDOW_MS = 10 * 60_000;

const COUNT_COLUMN: Record<MarkKind, "meTooCount" | "answeredCount"> = {
  "me-too": "meTooCount",
  answered: "answeredCount",
};

export type Marker = { userId: string | null; guestKey: string | null; ipHash: string | null };

/** The one key a visitor's marks are kept under. */
export function visitorKey(marker: Marker): string | null {
  if (marker.userId) return `user:${marker.userId}`;
  if (marker.guestKey) return `guest:${marker.guestKey}`;
  return null;
}

type MarkedPost = { id: number; rootId: number | null; articleId: string; number: number | null };

/** The post a mark is for, if a reader may mark it so; a Refusal otherwise. */
async function markable(tx: Tx, postId: number, kind: MarkKind, marker: Marker): Promise<MarkedPost> {
  const post = await tx.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      rootId: true,
      articleId: true,
      number: true,
      status: true,
      userId: true,
      guestKey: true,
    },
  });
  const root = post?.rootId ? await tx.post.findUnique({ where: { id: post.rootId }, select: { status: true } }) : null;
  if (!post || post.status !== VISIBLE_STATUS || (post.rootId && root?.status !== VISIBLE_STATUS)) {
    throw new Refusal(404, "That post is not on the page any more.");
  }
  if (kind === "me-too" && post.rootId !== null) {
    throw new Refusal(400, "Only a question can be marked “I have this question too”.");
  }
  if (kind === "answered" && post.rootId === null) {
    throw new Refusal(400, "Only an answer or a reply can be marked “This answered my question”.");
  }
  const own =
    (marker.userId && post.userId === marker.userId) || (marker.guestKey && post.guestKey === marker.guestKey);
  if (own) {
    throw new Refusal(
      400,
      kind === "me-too" ? "This is your own question: it counts already." : "This is your own reply.",
    );
  }
  return { id: post.id, rootId: post.rootId, articleId: post.articleId, number: post.number };
}

async function throttle(marker: Marker, key: string) {
  for (const bucket of [`marks:${key}`, ...(marker.ipHash ? [`marks:address:${marker.ipHash}`] : [])]) {
    const retryAt = await takeFromWindow(bucket, MARKS_PER_WINDOW, MARK_WINDOW_MS);
    if (retryAt) {
      throw new Refusal(429, "Too many marks from here in a short time. Please try again in a few minutes.", {
        retryAt: retryAt,
      });
    }
  }
}

/** Moves the count on the post and the article's shared pages, leaving the post's own dates alone. */
async function recount(tx: Tx, post: MarkedPost, kind: MarkKind) {
  const n = await tx.readerMark.count({ where: { postId: post.id, kind, clearedAt: null } });
  // Raw, so that the post's updatedAt (its feeds' date) stays.
  if (kind === "me-too") await tx.$executeRaw`UPDATE "Post" SET "meTooCount" = ${n} WHERE "id" = ${post.id}`;
  else await tx.$executeRaw`UPDATE "Post" SET "answeredCount" = ${n} WHERE "id" = ${post.id}`;
  await tx.$executeRaw`UPDATE "Article" SET "marksChangedAt" = ${new Date()} WHERE "id" = ${post.articleId}`;
  return n;
}

export type MarkResult = { post: MarkedPost; count: number; added: boolean };

/**
 * Adds a visitor's mark (once: a second is no change). With `follow`, the
 * visitor also follows the question's thread by email, confirmed as a
 * follow from the ask form is.
 */
export async function addMark(input: {
  postId: number;
  kind: MarkKind;
  marker: Marker;
  follow?: { email: string; confirmed: boolean } | null;
}): Promise<MarkResult> {
  const key = visitorKey(input.marker);
  if (!key) throw new Refusal(400, "Please allow cookies to mark a post: they keep your mark yours.");
  await markable(db, input.postId, input.kind, input.marker);
  await throttle(input.marker, key);
  try {
    return await db.$transaction(async (tx) => {
      const post = await markable(tx, input.postId, input.kind, input.marker);
      const before = await tx.readerMark.findUnique({
        where: { postId_kind_visitor: { postId: post.id, kind: input.kind, visitor: key } },
        select: { clearedAt: true },
      });
      if (!before)
        await tx.readerMark.create({
          data: { postId: post.id, kind: input.kind, visitor: key, ipHash: input.marker.ipHash },
        });
      if (input.follow) {
        await follow(tx, { ...input.follow, articleId: post.articleId, rootId: post.rootId ?? post.id });
      }
      const count = before ? await currentCount(tx, post.id, input.kind) : await recount(tx, post, input.kind);
      return { post, count, added: !before };
    });
  } catch (error) {
    // Two requests of one visitor at once: the other one added it.
    if ((error as { code?: unknown } | null)?.code === "P2002") {
      const post = await markable(db, input.postId, input.kind, input.marker);
      return { post, count: await currentCount(db, post.id, input.kind), added: false };
    }
    throw error;
  }
}

/** Takes a visitor's own mark back (a mark a moderator cleared stays cleared). */
export async function takeBackMark(input: { postId: number; kind: MarkKind; marker: Marker }): Promise<MarkResult> {
  const key = visitorKey(input.marker);
  if (!key) throw new Refusal(404, "There is no mark of yours on that post.");
  await throttle(input.marker, key);
  return db.$transaction(async (tx) => {
    const post = await markable(tx, input.postId, input.kind, input.marker);
    const removed = await tx.readerMark.deleteMany({
      where: { postId: post.id, kind: input.kind, visitor: key, clearedAt: null },
    });
    if (removed.count === 0) throw new Refusal(404, "There is no mark of yours on that post.");
    return { post, count: await recount(tx, post, input.kind), added: false };
  });
}

async function currentCount(tx: Tx, postId: number, kind: MarkKind) {
  const post = await tx.post.findUniqueOrThrow({
    where: { id: postId },
    select: { meTooCount: true, answeredCount: true },
  });
  return post[COUNT_COLUMN[kind]];
}

/** Which of `postIds` this visitor has marked, as "kind:postId" (for their own view of a page). */
export async function marksOf(marker: Marker, postIds: number[]): Promise<Set<string>> {
  const key = visitorKey(marker);
  if (!key || postIds.length === 0) return new Set();
  const rows = await db.readerMark.findMany({
    where: { visitor: key, postId: { in: postIds }, clearedAt: null },
    select: { postId: true, kind: true },
  });
  return new Set(rows.map((row) => `${row.kind}:${row.postId}`));
}

/**
 * A moderator clears a post's marks of one kind that look like abuse (a storm
 * from new visitors): they stay stored, cleared, and the count starts again
 * from the marks added after. The caller logs the action.
 */
export async function clearMarks(tx: Tx, postId: number, kind: MarkKind): Promise<number> {
  const post = await tx.post.findUnique({
    where: { id: postId },
    select: { id: true, rootId: true, articleId: true, number: true },
  });
  if (!post) throw new Refusal(404, "That post does not exist.");
  const cleared = await tx.readerMark.updateMany({
    where: { postId, kind, clearedAt: null },
    data: { clearedAt: new Date() },
  });
  await recount(tx, post, kind);
  return cleared.count;
}

export function markCountText(kind: MarkKind, count: number): string {
  if (kind === "me-too") return count === 1 ? "1 reader has this question" : `${count} readers have this question`;
  return count === 1 ? "This answered 1 reader’s question" : `This answered ${count} readers’ questions`;
}
