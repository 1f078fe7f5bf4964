// The outbox: every email is a row written in the same transaction as the
// event that causes it (a post published, a post rejected, an address to
// confirm), so no event is lost and none is mailed for a write that rolled
// back. The sender (sender.server.ts) sends the rows later; posting never
// waits for mail. Mail to an address not yet confirmed is held until it is.
import { randomUUID } from "node:crypto";
import { type Tx } from "~/db.server";
import { checkAgainstSources } from "~/copyright/sources.server";
import { mailAddress } from "~/mail/addresses.server";
import {
  type Message,
  type QuotedPost,
  type ThreadRef,
  answerEmail,
  rejectedEmail,
  repliesEmail,
  siteUrl,
} from "~/mail/messages.server";
import { newMailToken } from "~/mail/tokens.server";
import { postPermalink, questionPath } from "~/model/paths";
import { VISIBLE_STATUS } from "~/model/status";

/** Replies to one thread reach an address at most once an hour, together. */
export const REPLIES_EVERY_MS = 60 * 60_000;

export type OutgoingEmail = Message & {
  kind: "confirm" | "answer" | "replies" | "rejected" | "reset" | "digest";
  to: string;
  unsubscribeUrl?: string | null;
  groupKey?: string | null;
  postIds?: number[];
  dueAt?: Date;
};

export async function enqueue(tx: Tx, mail: OutgoingEmail, options: { confirmed: boolean }) {
  const host = new URL(siteUrl()).hostname || "afterword.invalid";
  return tx.outboxEmail.create({
    data: {
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      unsubscribeUrl: mail.unsubscribeUrl ?? null,
      groupKey: mail.groupKey ?? null,
      postIds: (mail.postIds ?? []).join(","),
      messageId: `<${randomUUID()}@${host}>`,
      status: options.confirmed ? "pending" : "held",
      dueAt: mail.dueAt ?? new Date(),
    },
    select: { id: true },
  });
}

const QUOTED = {
  id: true,
  userId: true,
  bodySource: true,
  bodyHtml: true,
  guestName: true,
  user: { select: { displayName: true } },
} as const;

/**
 * A post was published: everyone following its thread (and, for the author's
 * answer, everyone following the article) is told, except its own writer.
 * The author's answer goes at once; readers' replies wait to go together,
 * at most one email an hour per thread and address.
 */
export async function notifyPublished(
  tx: Tx,
  published: { postId: number; rootId: number; articleId: string; isAnswer: boolean },
  mailAfterMs = 0,
) {
  // One query when nobody follows the thread (most replies): publishing stays as fast as before.
  const { postId, isAnswer } = published;
  const followers = await tx.subscription.findMany({
    where: {
      articleId: published.articleId,
      stoppedAt: null,
      scope: { in: isAnswer ? [`thread:${published.rootId}`, "article"] : [`thread:${published.rootId}`] },
    },
    orderBy: { id: "asc" },
    select: { id: true, address: { select: { id: true, address: true, confirmedAt: true } } },
  });
  if (followers.length === 0) return;
  const post = await tx.post.findUniqueOrThrow({
    where: { id: postId },
    select: {
      ...QUOTED,
      rootId: true,
      guestEmail: true,
      user: { select: { displayName: true, email: true } },
      article: { select: { id: true, slug: true, title: true, authorId: true } },
    },
  });
  if (post.rootId === null) return;
  // Nobody is told of their own post; each address once.
  const own = (post.user?.email ?? post.guestEmail ?? "").toLowerCase();
  const seen = new Set<string>([own]);
  const recipients = followers.filter((f) => !seen.has(f.address.address) && seen.add(f.address.address));
  if (recipients.length === 0) return;

  const root = await tx.post.findUniqueOrThrow({ where: { id: post.rootId }, select: { number: true } });
  const slug = post.article.slug;
  const thread: ThreadRef = {
    articleTitle: post.article.title,
    number: root.number,
    href: `${siteUrl()}${root.number !== null ? questionPath(slug, root.number) : `/articles/${slug}`}`,
  };
  // Each post is quoted (and checked against the protected sources) once, whoever it goes to.
  const quotes = new Map<number, QuotedPost>();
  const quoted = async (p: typeof post | QuotedRow): Promise<QuotedPost> => {
    let quote = quotes.get(p.id);
    if (!quote) {
      quote = {
        writer: p.user?.displayName ?? p.guestName ?? "A reader",
        isAuthor: p.userId !== null && p.userId === post.article.authorId,
        bodySource: p.bodySource,
        bodyHtml: p.bodyHtml,
        href: `${siteUrl()}${postPermalink(slug, p.id)}`,
        guarded: (await checkAgainstSources(p.bodySource)).blocked,
      };
      quotes.set(p.id, quote);
    }
    return quote;
  };

  for (const follower of recipients) {
    const to = follower.address.address;
    const confirmed = follower.address.confirmedAt !== null;
    const token = await newMailToken(tx, follower.address.id, "manage", follower.id);
    const manageUrl = `${siteUrl()}/subscriptions?token=${token}`;
    const unsubscribeUrl = `${siteUrl()}/subscriptions/unsubscribe?token=${token}`;
    if (isAnswer) {
      const message = await answerEmail(thread, await quoted(post), manageUrl);
      const dueAt = new Date(Date.now() + mailAfterMs);
      await enqueue(tx, { kind: "answer", to, ...message, unsubscribeUrl, postIds: [post.id], dueAt }, { confirmed });
      continue;
    }
    await queueReplies(
      tx,
      { to, confirmed, rootId: post.rootId, postId: post.id, mailAfterMs, unsubscribeUrl },
      (replies) => repliesEmail(thread, replies, manageUrl),
      quoted,
    );
  }
}

/**
 * A reader's reply, for one follower: added to the email about the thread
 * still waiting to go to them (at most one an hour per thread and address),
 * or a new one, due an hour after the last.
 */
async function queueReplies(
  tx: Tx,
  to: { to: string; confirmed: boolean; rootId: number; postId: number; mailAfterMs: number; unsubscribeUrl: string },
  write: (replies: QuotedPost[]) => ReturnType<typeof repliesEmail>,
  quoted: (row: QuotedRow) => Promise<QuotedPost>,
) {
  const { confirmed, mailAfterMs, unsubscribeUrl } = to;
  const groupKey = `${to.to}|thread:${to.rootId}`;
  const waiting = await tx.outboxEmail.findFirst({
    where: { groupKey, status: { in: ["pending", "held"] }, leaseUntil: null },
    select: { id: true, postIds: true },
  });
  const postIds = [...(waiting?.postIds.split(",").filter(Boolean).map(Number) ?? []), to.postId];
  const replies = await tx.post.findMany({
    where: { id: { in: postIds }, status: VISIBLE_STATUS },
    orderBy: { id: "asc" },
    select: QUOTED,
  });
  const message = await write(await Promise.all(replies.map(quoted)));
  if (waiting) {
    await tx.outboxEmail.update({
      where: { id: waiting.id },
      data: {
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html,
        unsubscribeUrl,
        postIds: postIds.join(","),
      },
    });
    return;
  }
  const last = await tx.outboxEmail.findFirst({
    where: { groupKey },
    orderBy: { id: "desc" },
    select: { createdAt: true },
  });
  const dueAt = new Date(Math.max(Date.now() + mailAfterMs, (last?.createdAt.getTime() ?? 0) + REPLIES_EVERY_MS));
  await enqueue(
    tx,
    { kind: "replies", to: to.to, ...message, unsubscribeUrl, groupKey, postIds, dueAt },
    { confirmed },
  );
}

type QuotedRow = {
  id: number;
  userId: string | null;
  bodySource: string;
  bodyHtml: string;
  guestName: string | null;
  user: { displayName: string } | null;
};

/** What the email to a rejected post's writer says of it. */
const REJECTED = {
  parentId: true,
  bodySource: true,
  guestEmail: true,
  user: { select: { email: true } },
  article: { select: { title: true } },
} as const;

/** A moderator rejected a post: its writer, if they gave an address, is told, with the reason chosen. */
export async function notifyRejected(tx: Tx, postId: number, reason: string, mailAfterMs = 0) {
  const post = await tx.post.findUniqueOrThrow({ where: { id: postId }, select: REJECTED });
  const to = (post.user?.email ?? post.guestEmail ?? "").trim().toLowerCase();
  if (!to) return;
  const address = await mailAddress(tx, to, post.user !== null);
  // Quoting it back is the point, unless what it repeats is protected.
  const guarded = (await checkAgainstSources(post.bodySource)).blocked;
  const message = rejectedEmail({
    articleTitle: post.article.title,
    isQuestion: post.parentId === null,
    bodySource: guarded ? "(not repeated here: it quotes a text that may not be reproduced)" : post.bodySource,
    reason,
  });
  await enqueue(
    tx,
    { kind: "rejected", to, ...message, postIds: [postId], dueAt: new Date(Date.now() + mailAfterMs) },
    { confirmed: address.confirmedAt !== null },
  );
}

/** A decision was undone within its minute: the mail it caused, not yet sent, is not sent. */
export async function cancelMailAbout(tx: Tx, postId: number) {
  await tx.outboxEmail.updateMany({
    where: { postIds: String(postId), status: { in: ["pending", "held"] }, leaseUntil: null },
    data: { status: "cancelled" },
  });
}
