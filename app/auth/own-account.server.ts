// A reader in control of their own account: what is kept about them, as one
// JSON file; the devices signed in; and deleting the account, keeping their
// posts under "a former reader" or deleting them (soft: their place in threads
// stays). Only ever the signed-in reader's own account.
import { verifyPassword } from "~/auth/passwords.server";
import { SESSION_DAYS } from "~/auth/sessions.server";
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";
import { Refusal } from "~/utils/refusal";

/** The name a deleted account's kept posts carry. */
export const FORMER_READER = "a former reader";

/** Everything kept about the account, for "Download my data". */
export async function accountData(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, role: true, notifyReplies: true, createdAt: true },
  });
  const posts = await db.post.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      number: true,
      parentId: true,
      bodySource: true,
      createdAt: true,
      publishedAt: true,
      article: { select: { slug: true, title: true } },
      revisions: {
        orderBy: { revision: "asc" },
        select: { revision: true, bodySource: true, kind: true, createdAt: true },
      },
    },
  });
  const address = await db.mailAddress.findUnique({
    where: { address: user.email.toLowerCase() },
    select: {
      subscriptions: {
        select: { scope: true, createdAt: true, stoppedAt: true, article: { select: { slug: true, title: true } } },
      },
    },
  });
  const marks = await db.readerMark.findMany({
    where: { visitor: `user:${userId}` },
    select: { kind: true, postId: true, createdAt: true, clearedAt: true },
  });
  const sessions = await db.session.findMany({
    where: { userId },
    select: { createdAt: true, expiresAt: true, userAgent: true },
  });
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    posts: posts.map(({ article, ...post }) => ({ ...post, article: article.slug, articleTitle: article.title })),
    subscriptions: address?.subscriptions ?? [],
    meToos: marks.filter((m) => m.kind === "me-too"),
    marks: marks.filter((m) => m.kind !== "me-too"),
    sessions,
  };
}

export type Device = { id: string; current: boolean; device: string; signedIn: Date; lastUsed: Date };

/** The sessions signed in, newest use first; the last use is when the session was last made or renewed. */
export async function devices(userId: string, currentSessionId: string | null): Promise<Device[]> {
  const sessions = await db.session.findMany({ where: { userId, expiresAt: { gt: new Date() } } });
  return sessions
    .map((s) => ({
      id: s.id,
      current: s.id === currentSessionId,
      device: describeAgent(s.userAgent),
      signedIn: s.createdAt,
      lastUsed: new Date(Math.max(s.createdAt.getTime(), s.expiresAt.getTime() - SESSION_DAYS * 86_400_000)),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsed.getTime() - a.lastUsed.getTime());
}

function describeAgent(agent: string | null): string {
  if (!agent) return "An unknown browser";
  const browser = /Firefox\//.test(agent)
    ? "Firefox"
    : /Edg\//.test(agent)
      ? "Edge"
      : /Chrome\/|Chromium\//.test(agent)
        ? "Chrome"
        : /Safari\//.test(agent)
          ? "Safari"
          : "A browser";
  const system = /Android/.test(agent)
    ? "Android"
    : /iPhone|iPad/.test(agent)
      ? "iOS"
      : /Mac OS X/.test(agent)
        ? "macOS"
        : /Windows/.test(agent)
          ? "Windows"
          : /Linux/.test(agent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}

/**
 * Deletes the account, once its password is given. Its posts stay under "a former reader", or (`deletePosts`)
 * are deleted, soft, so that replies under them keep their place. Its sessions, subscriptions, mail tokens and
 * marks' link to it go at once. The last admin cannot delete themselves.
 */
export async function deleteAccount(userId: string, password: string, deletePosts: boolean) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    throw new Refusal(400, "That is not your password; the account is not deleted.", { field: "password" });
  }
  if (user.role === "admin" && (await db.user.count({ where: { role: "admin" } })) <= 1) {
    throw new Refusal(409, "You are the last admin: make someone else an admin before deleting this account.");
  }
  await db.$transaction(async (tx) => {
    if (deletePosts) {
      // Published replies leave their questions' counts, as any deleted post does.
      const published = await tx.post.findMany({
        where: { userId, status: VISIBLE_STATUS, rootId: { not: null } },
        select: { rootId: true },
      });
      for (const { rootId } of published) {
        await tx.post.update({ where: { id: rootId! }, data: { replyCount: { decrement: 1 } } });
      }
      await tx.post.updateMany({ where: { userId }, data: { status: "deleted" } });
    }
    await tx.post.updateMany({ where: { userId }, data: { userId: null, guestName: FORMER_READER, guestEmail: null } });
    await tx.readerMark.updateMany({ where: { visitor: `user:${userId}` }, data: { visitor: `deleted:${userId}` } });
    const address = await tx.mailAddress.findUnique({ where: { address: user.email.toLowerCase() } });
    if (address) await tx.mailAddress.delete({ where: { id: address.id } });
    // Sessions go with the account (cascade); so does everything else that names it.
    await tx.user.delete({ where: { id: userId } });
  });
}
