// A writer's history for staff (/moderation/writers/:key): every post they
// wrote in every status, the reports against them, their bans, how many of
// their posts were approved and rejected, and the private notes staff leave
// each other. A writer is an account, a guest's cookie, or (posts imported
// from another site, which have no cookie) a guest's email.
import { db } from "~/db.server";
import { POST_STATUSES, type PostStatus } from "~/model/status";
import type { Actor } from "~/model/roles";
import { postPermalink, writerPath } from "~/model/paths";
import { type ShownDate, showDateTime } from "~/utils/dates";
import { pageWindow } from "~/utils/pages";
import { Refusal } from "~/utils/refusal";
import { shortened } from "~/utils/graphemes";

export const WRITER_POSTS_PER_PAGE = 50;
export const WRITER_NOTE_MAX = 2_000;

/** The address part naming a post's writer: `account-<id>`, `guest-<cookie>` or `email-<address>`; null for none. */
export function writerKeyOf(post: { userId: string | null; guestKey: string | null; guestEmail: string | null }) {
  if (post.userId) return `account-${post.userId}`;
  if (post.guestKey) return `guest-${post.guestKey}`;
  if (post.guestEmail) return `email-${post.guestEmail}`;
  return null;
}

/** The address of the history of a post's (or a ban's) writer; null where there is no writer to name. */
export function historyPathOf(post: Parameters<typeof writerKeyOf>[0]) {
  const key = writerKeyOf(post);
  return key ? writerPath(key) : null;
}

/** Which posts and bans a key names; a key that names nobody is a 404. */
function writerWhere(key: string) {
  const match = /^(account|guest|email)-(.{1,320})$/.exec(key);
  if (!match) throw new Refusal(404, "There is no such writer.");
  const [, kind, value] = match;
  if (kind === "account") return { posts: { userId: value }, bans: { userId: value } };
  if (kind === "guest") return { posts: { guestKey: value, userId: null }, bans: { guestKey: value } };
  return { posts: { guestEmail: value, guestKey: null, userId: null }, bans: { guestEmail: value } };
}

export type WriterPost = {
  id: number;
  status: PostStatus;
  date: ShownDate;
  article: string;
  href: string | null;
  excerpt: string;
  isReply: boolean;
};

export async function writerHistory(key: string, page: number) {
  const where = writerWhere(key);
  const total = await db.post.count({ where: where.posts });
  const first = await db.post.findFirst({
    where: where.posts,
    orderBy: { id: "desc" },
    select: { guestName: true, guestEmail: true, user: { select: { displayName: true, email: true, role: true } } },
  });
  if (!first) throw new Refusal(404, "There is no such writer.");
  const byStatus = await db.post.groupBy({ by: ["status"], where: where.posts, _count: { _all: true } });
  const counts = Object.fromEntries(POST_STATUSES.map((s) => [s, 0])) as Record<PostStatus, number>;
  for (const row of byStatus) counts[row.status as PostStatus] = row._count._all;
  const window = pageWindow(total, WRITER_POSTS_PER_PAGE, page);
  const rows = await db.post.findMany({
    where: where.posts,
    orderBy: { id: "desc" },
    skip: window.skip,
    take: window.take,
    select: {
      id: true,
      status: true,
      createdAt: true,
      parentId: true,
      bodySource: true,
      article: { select: { slug: true, title: true } },
    },
  });
  const reports = await db.report.findMany({
    where: { post: where.posts },
    orderBy: { id: "desc" },
    take: 200,
    select: { id: true, reason: true, note: true, createdAt: true, resolvedAt: true, postId: true },
  });
  const bans = await db.ban.findMany({ where: where.bans, orderBy: { id: "desc" } });
  const notes = await db.writerNote.findMany({ where: { writer: key }, orderBy: { id: "desc" }, take: 200 });
  const authors = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(notes.map((n) => n.authorId).filter((id): id is string => id !== null))] } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  );
  const now = new Date();
  return {
    key,
    name: first.user?.displayName ?? first.guestName ?? "Anonymous",
    email: first.user?.email ?? first.guestEmail,
    kind: key.startsWith("account-") ? (`account (${first.user?.role ?? "reader"})` as const) : ("guest" as const),
    counts,
    total,
    page: window.page,
    pageCount: window.pageCount,
    posts: rows.map((row): WriterPost => ({
      id: row.id,
      status: row.status as PostStatus,
      date: showDateTime(row.createdAt),
      article: row.article.title,
      // A published post's permalink forwards to where it shows; staff open any other from the queue.
      href: row.status === "published" ? postPermalink(row.article.slug, row.id) : null,
      excerpt: shortened(row.bodySource, 200),
      isReply: row.parentId !== null,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      postId: r.postId,
      reason: r.note ? `${r.reason} (“${r.note}”)` : r.reason,
      date: showDateTime(r.createdAt),
      open: r.resolvedAt === null,
    })),
    bans: bans.map((b) => ({
      id: b.id,
      reason: b.reason,
      date: showDateTime(b.createdAt),
      ends: b.endsAt ? showDateTime(b.endsAt) : null,
      inForce: b.liftedAt === null && (b.endsAt === null || b.endsAt > now),
    })),
    notes: notes.map((n) => ({
      id: n.id,
      body: n.body,
      by: (n.authorId && authors.get(n.authorId)) || null,
      date: showDateTime(n.createdAt),
    })),
  };
}

/** A private note about a writer, for other staff; the writer never sees it. */
export async function addWriterNote(actor: Actor, key: string, body: string) {
  const text = body.trim();
  if (!text) throw new Refusal(400, "Write the note first.", { field: "body" });
  if ([...text].length > WRITER_NOTE_MAX) {
    throw new Refusal(400, `Keep the note under ${WRITER_NOTE_MAX.toLocaleString("en-US")} characters.`, {
      field: "body",
    });
  }
  const where = writerWhere(key);
  if ((await db.post.count({ where: where.posts })) === 0) throw new Refusal(404, "There is no such writer.");
  return db.writerNote.create({ data: { writer: key, authorId: actor.id, body: text } });
}
