// What the moderation queue and the audit log show. The queue is pending
// posts and reported published posts, oldest first, 25 a page, read in a
// fixed number of queries whatever its length.
import { historyPathOf, writerKeyOf } from "~/moderation/writers.server";
import { shortened } from "~/utils/graphemes";
import { type Actor, articlesOf, isStaff, keepsBans, mayActOnArticle } from "~/model/roles";
import { type Prisma, db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";
import { removedParts } from "~/moderation/cuts";
import { capitalise, postName } from "~/moderation/post-names";
import { postPermalink } from "~/model/paths";
import { similarQuestionsOfEach } from "~/search/search.server";
import { showDateTime } from "~/utils/dates";
import { pageWindow } from "~/utils/pages";

export const QUEUE_PAGE_SIZE = 25;

/** Posts an actor's queue holds: everything for moderators and admins, their own articles' for an author. */
function queueWhere(actor: Actor) {
  return {
    OR: [{ status: "pending" }, { status: VISIBLE_STATUS, flags: { contains: "reported" } }],
    article: articlesOf(actor),
  };
}

/** When the longest-waiting post in an actor's queue arrived, if any waits. */
export async function oldestWaiting(actor: Actor): Promise<Date | null> {
  const post = await db.post.findFirst({
    where: queueWhere(actor),
    orderBy: { id: "asc" },
    select: { createdAt: true },
  });
  return post?.createdAt ?? null;
}

export async function queueCounts(actor: Actor) {
  const own = { article: articlesOf(actor) };
  const [pending, reported] = await Promise.all([
    db.post.count({ where: { status: "pending", ...own } }),
    db.post.count({ where: { status: VISIBLE_STATUS, flags: { contains: "reported" }, ...own } }),
  ]);
  return { pending, reported };
}

/** What the queue shows of each waiting post. */
const QUEUE_ROW = {
  id: true,
  status: true,
  flags: true,
  revision: true,
  createdAt: true,
  bodySource: true,
  bodyHtml: true,
  guestName: true,
  guestEmail: true,
  guestKey: true,
  ipHash: true,
  userId: true,
  parentId: true,
  rootId: true,
  articleId: true,
  user: { select: { displayName: true, email: true, role: true } },
  article: { select: { slug: true, title: true } },
  section: { select: { title: true, removedAt: true } },
  parent: { select: { id: true, guestName: true, bodySource: true, user: { select: { displayName: true } } } },
  reports: { where: { resolvedAt: null }, select: { reason: true, note: true } },
} as const;

export async function getQueue(actor: Actor, page = 1) {
  const counts = await queueCounts(actor);
  const total = counts.pending + counts.reported;
  const { page: current, pageCount, skip, take } = pageWindow(total, QUEUE_PAGE_SIZE, page);
  const rows = await db.post.findMany({
    where: queueWhere(actor),
    orderBy: { id: "asc" },
    skip,
    take,
    select: QUEUE_ROW,
  });
  // "First post": writers with nothing published yet, in two queries for the whole page.
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))];
  const emails = [...new Set(rows.map((r) => r.guestEmail).filter((e): e is string => e !== null))];
  const [usersWithPosts, emailsWithPosts, likeQuestions] = await Promise.all([
    db.post.groupBy({ by: ["userId"], where: { userId: { in: userIds }, status: VISIBLE_STATUS } }),
    db.post.groupBy({ by: ["guestEmail"], where: { guestEmail: { in: emails }, status: VISIBLE_STATUS } }),
    // Possible duplicates: for each waiting question, the most alike published question of its
    // whole article, by the matching the ask form suggests with.
    similarQuestionsOfEach(
      rows.map((row) =>
        row.parentId === null && row.status === "pending"
          ? { text: row.bodySource, articleId: row.articleId, exclude: [row.id], limit: 1 }
          : { text: "", articleId: row.articleId },
      ),
    ),
  ]);
  const published = new Set([...usersWithPosts.map((r) => r.userId), ...emailsWithPosts.map((r) => r.guestEmail)]);
  // And the same text twice among the waiting posts on the page.
  const texts = new Map<string, number>();
  for (const row of rows)
    texts.set(row.bodySource.trim().toLowerCase(), (texts.get(row.bodySource.trim().toLowerCase()) ?? 0) + 1);

  const items = rows.map((row, i) =>
    queueItem(row, likeQuestions[i][0] ?? null, (texts.get(row.bodySource.trim().toLowerCase()) ?? 0) > 1, published),
  );
  return { items, counts, page: current, pageCount };
}

type QueueRow = Prisma.PostGetPayload<{ select: typeof QUEUE_ROW }>;

/** One waiting post as the queue shows it: its flags (with "possible duplicate"), reports, writer and context. */
function queueItem(
  row: QueueRow,
  like: { number: number | null; href: string; name: string } | null,
  sameTextOnPage: boolean,
  published: Set<string | null>,
) {
  const flags = row.flags.split(",").filter(Boolean);
  if ((like || sameTextOnPage) && !flags.includes("duplicate")) flags.push("possible duplicate");
  const writerKey = row.userId ?? row.guestEmail;
  return {
    id: row.id,
    status: row.status,
    revision: row.revision,
    flags,
    reports: row.reports.map((r) => (r.note ? `${r.reason} (“${r.note}”)` : r.reason)),
    date: showDateTime(row.createdAt),
    bodyHtml: row.bodyHtml,
    length: row.bodySource.length,
    article: row.article,
    section: row.section && !row.section.removedAt ? row.section.title : null,
    isReply: row.parentId !== null,
    duplicateOf: like ? { number: like.number, href: like.href, name: like.name } : null,
    threadId: row.rootId ?? row.id,
    parent: row.parent
      ? {
          id: row.parent.id,
          writer: row.parent.user?.displayName ?? row.parent.guestName ?? "Anonymous",
          excerpt: shortened(row.parent.bodySource, 160),
        }
      : null,
    writer: {
      name: row.user?.displayName ?? row.guestName ?? "Anonymous",
      /** Their history's address (/moderation/writers/:key), for moderators and admins. */
      key: writerKeyOf(row),
      account: row.user ? { email: row.user.email, role: row.user.role } : null,
      email: row.user ? null : row.guestEmail,
      addressHash: row.ipHash ? row.ipHash.slice(0, 8) : null,
      firstPost: writerKey === null || !published.has(writerKey),
      // Staff are not banned from the queue (their accounts are the site owner's to manage).
      bannable: !isStaff(row.user?.role),
    },
  };
}

export const LOG_PAGE_SIZE = 50;

export type LogFilter = { actor?: string | null; action?: string | null; from?: string | null; to?: string | null };

function day(value: string | null | undefined, endOfDay = false) {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return null;
  return endOfDay ? new Date(date.getTime() + 86_400_000) : date;
}

/** The entries this viewer may read that the filter asks for. */
function logWhere(viewer: Actor, filter: LogFilter) {
  const from = day(filter.from);
  const to = day(filter.to, true);
  const own = articlesOf(viewer);
  return {
    // An author reads the trail of their own articles' posts only.
    ...(own ? { post: { article: own } } : {}),
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

/** The audit log as this actor may read it: everything for moderators and admins, an author's own articles for an author. */
export async function getAuditLog(viewer: Actor, filter: LogFilter, page = 1) {
  const where = logWhere(viewer, filter);
  const total = await db.moderationAction.count({ where });
  const { page: current, pageCount, skip, take } = pageWindow(total, LOG_PAGE_SIZE, page);
  const [rows, actors] = await Promise.all([
    db.moderationAction.findMany({
      where,
      orderBy: { id: "desc" },
      skip,
      take,
      select: {
        id: true,
        action: true,
        reason: true,
        before: true,
        after: true,
        createdAt: true,
        postId: true,
        actor: { select: { displayName: true } },
        post: {
          select: {
            rootId: true,
            parentId: true,
            number: true,
            guestName: true,
            userId: true,
            guestKey: true,
            guestEmail: true,
            user: { select: { displayName: true } },
            article: { select: { slug: true } },
          },
        },
      },
    }),
    db.user.findMany({
      where: { role: { in: ["author", "moderator", "admin"] } },
      select: { id: true, displayName: true },
    }),
  ]);
  // Posts are named as readers know them, by their question's public number: one query for the page.
  const rootIds = [...new Set(rows.flatMap((r) => (r.post?.rootId ? [r.post.rootId] : [])))];
  const roots = rootIds.length
    ? await db.post.findMany({ where: { id: { in: rootIds } }, select: { id: true, number: true } })
    : [];
  const rootNumber = new Map(roots.map((root) => [root.id, root.number]));
  const postLabel = (post: NonNullable<(typeof rows)[number]["post"]>) =>
    capitalise(
      postName({
        parentId: post.parentId,
        number: post.number,
        writer: post.user?.displayName ?? post.guestName ?? "Anonymous",
        rootNumber: post.rootId !== null ? (rootNumber.get(post.rootId) ?? null) : null,
      }),
    );
  const seesWriters = keepsBans(viewer);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      action: r.action,
      reason: r.reason,
      before: r.before,
      after: r.after,
      // What an edit for length removed, for the log to mark.
      cuts:
        r.action === "edit_length" && r.before !== null && r.after !== null ? removedParts(r.before, r.after) : null,
      date: showDateTime(r.createdAt),
      actor: r.actor?.displayName ?? "A reader",
      postId: r.postId,
      postLabel: r.post ? postLabel(r.post) : null,
      postHref: r.post && r.postId !== null ? postPermalink(r.post.article.slug, r.postId) : null,
      writerHref: r.post && seesWriters ? historyPathOf(r.post) : null,
    })),
    actors,
    total,
    page: current,
    pageCount,
  };
}

/** A post as a moderator's message names it: "question 15 by Kim", "Kim’s reply in question 12". */
export async function describePost(id: number): Promise<string> {
  const post = await db.post.findUnique({
    where: { id },
    select: { parentId: true, rootId: true, number: true, guestName: true, user: { select: { displayName: true } } },
  });
  if (!post) return `post ${id}`;
  const root =
    post.parentId !== null && post.rootId
      ? await db.post.findUnique({ where: { id: post.rootId }, select: { number: true } })
      : null;
  return postName({
    parentId: post.parentId,
    number: post.number,
    writer: post.user?.displayName ?? post.guestName ?? "Anonymous",
    rootNumber: root?.number ?? null,
  });
}

/**
 * A post as its moderation page shows it, with every revision; only for an
 * actor who may moderate it (a 404 when there is no such post, a 403 when it
 * is on another author's article).
 */
export async function postForModeration(actor: Actor, id: number) {
  const post = await db.post.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      revision: true,
      bodySource: true,
      bodyHtml: true,
      rootId: true,
      meTooCount: true,
      answeredCount: true,
      guestName: true,
      user: { select: { displayName: true } },
      article: { select: { slug: true, title: true, authorId: true } },
      revisions: {
        orderBy: { revision: "asc" },
        select: {
          revision: true,
          bodySource: true,
          kind: true,
          reason: true,
          createdAt: true,
          editor: { select: { displayName: true } },
        },
      },
    },
  });
  if (!post) throw new Response("There is no such post.", { status: 404, statusText: "Not Found" });
  if (!mayActOnArticle(actor, post.article.authorId)) {
    throw new Response("You can only moderate posts on your own articles.", { status: 403, statusText: "Forbidden" });
  }
  return post;
}
