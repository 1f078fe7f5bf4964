// Who follows what. An address follows a thread (its question and every
// reply) or a whole article; a guest's address is confirmed by a link before
// anything but that link is sent to it, so the forms cannot be used to mail
// strangers. Everything is managed from a link in any email, without an account.
import { type Tx, db } from "~/db.server";
import { mailAddress, releaseHeld } from "~/mail/addresses.server";
import { enqueue } from "~/mail/outbox.server";
import { confirmationEmail } from "~/mail/messages.server";
import { newMailToken, readMailToken } from "~/mail/tokens.server";

/** How long a confirmation link is not sent again to the same address. */
const CONFIRM_AGAIN_AFTER_MS = 10 * 60_000;

/**
 * Follows a thread (or, with rootId null, the article) for an address, in the
 * transaction that wrote the post. An unconfirmed address gets the
 * confirmation link (not more than one every ten minutes).
 */
export async function follow(
  tx: Tx,
  input: { email: string; confirmed: boolean; articleId: string; rootId: number | null },
): Promise<{ confirmed: boolean }> {
  const address = await mailAddress(tx, input.email, input.confirmed);
  const scope = input.rootId === null ? "article" : `thread:${input.rootId}`;
  await tx.subscription.upsert({
    where: { addressId_articleId_scope: { addressId: address.id, articleId: input.articleId, scope } },
    create: { addressId: address.id, articleId: input.articleId, rootId: input.rootId, scope },
    update: { stoppedAt: null },
  });
  if (address.confirmedAt) return { confirmed: true };
  const recent = await tx.outboxEmail.count({
    where: {
      toAddress: address.address,
      kind: "confirm",
      createdAt: { gt: new Date(Date.now() - CONFIRM_AGAIN_AFTER_MS) },
    },
  });
  if (recent > 0) return { confirmed: false };
  const token = await newMailToken(tx, address.id, "confirm");
  const manage = await newMailToken(tx, address.id, "manage");
  const about = await followedThing(tx, input.articleId, input.rootId);
  await enqueue(
    tx,
    { kind: "confirm", to: address.address, ...confirmationEmail(token, about, manage) },
    { confirmed: true },
  );
  return { confirmed: false };
}

/** What a follow is of, in words: "question 12 on “Title”", "your question on “Title”", "the author’s answers on “Title”". */
async function followedThing(tx: Tx, articleId: string, rootId: number | null): Promise<string> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { title: true } });
  if (rootId === null) return `the author’s answers on “${article.title}”`;
  const root = await tx.post.findUnique({ where: { id: rootId }, select: { number: true } });
  return root?.number != null ? `question ${root.number} on “${article.title}”` : `your question on “${article.title}”`;
}

/** Follows a whole article (the author's answers in every thread), in a transaction of its own. */
export async function followArticle(input: { email: string; confirmed: boolean; articleId: string }) {
  await db.$transaction((tx) => follow(tx, { ...input, rootId: null }));
}

/** Confirms the address a link was sent to; what waited for it is sent. The address and its id. */
export async function confirmAddress(token: string | null) {
  const row = await readMailToken(token, "confirm");
  if (!row) return null;
  await db.$transaction(async (tx) => {
    await tx.mailAddress.update({ where: { id: row.address.id }, data: { confirmedAt: new Date() } });
    await tx.mailToken.update({ where: { hash: row.hash }, data: { usedAt: new Date() } });
    await releaseHeld(tx, row.address.address);
  });
  return { address: row.address.address, addressId: row.address.id };
}

/** What an address follows, for its page (from a manage token). */
export async function followedBy(addressId: number) {
  const rows = await db.subscription.findMany({
    where: { addressId, stoppedAt: null },
    orderBy: { id: "asc" },
    select: {
      id: true,
      rootId: true,
      article: { select: { slug: true, title: true } },
    },
  });
  const roots = await db.post.findMany({
    where: { id: { in: rows.flatMap((r) => (r.rootId ? [r.rootId] : [])) } },
    select: { id: true, number: true, guestName: true, user: { select: { displayName: true } } },
  });
  const byId = new Map(roots.map((r) => [r.id, r]));
  return rows.map((r) => {
    const root = r.rootId ? byId.get(r.rootId) : undefined;
    return {
      id: r.id,
      article: r.article,
      thread: root ? { number: root.number, asker: root.user?.displayName ?? root.guestName ?? "a reader" } : null,
    };
  });
}

/** Stops one subscription of the address, or (id null) all of them; stopping twice is no error. */
export async function stopFollowing(addressId: number, subscriptionId: number | null) {
  const { count } = await db.subscription.updateMany({
    where: { addressId, stoppedAt: null, ...(subscriptionId !== null ? { id: subscriptionId } : {}) },
    data: { stoppedAt: new Date() },
  });
  return count;
}

/** The address a manage link names, and the subscription a one-click link stops (null: all). */
export async function manageToken(token: string | null) {
  const row = await readMailToken(token, "manage");
  return row ? { addressId: row.address.id, address: row.address.address, subscriptionId: row.subscriptionId } : null;
}

/**
 * RFC 8058 one-click unsubscribe, from the token alone (one read): a
 * notification's token stops what it was about, a digest's stops the digest.
 * False when the token is not one of ours.
 */
export async function oneClickUnsubscribe(token: string | null) {
  const row = await readMailToken(token, ["manage", "digest"]);
  if (!row) return false;
  if (row.purpose === "digest") {
    await db.user.updateMany({ where: { email: row.address.address }, data: { queueDigest: null } });
  } else {
    await stopFollowing(row.address.id, row.subscriptionId);
  }
  return true;
}
