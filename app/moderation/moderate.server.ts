// Moderation decisions. One entry point, `moderate`, checks that this actor
// may take this action on this post in its current state, refuses a decision
// on a post edited since the moderator loaded it, applies the action in one
// transaction, and writes the audit row with it. Nothing is deleted: hiding
// is a status, and an edit keeps the text before it as a revision.
import { type BanLength, banEnds } from "~/model/ban-lengths";
import { Refusal } from "~/utils/refusal";
import { xmlText } from "~/utils/text-safety";
import { z } from "zod";
import { type Actor, isStaff, mayActOnArticle } from "~/model/roles";
import { type Db, type Prisma, db } from "~/db.server";
import { type MarkKind, clearMarks } from "~/posts/reader-marks.server";
import { applyCuts } from "~/moderation/cuts";
import { renderPostBody } from "~/posts/body.server";
import { cancelMailAbout, notifyRejected } from "~/mail/outbox.server";
import { publishPost, unpublishPost } from "~/posts/posts.server";
import { HIDDEN_BY_REPORTS } from "~/posts/reports.server";
import { flagsAfterEdit, withFlag } from "~/posts/flags.server";
import { VISIBLE_STATUS } from "~/model/status";
import { type Settings, getSettings } from "~/settings/settings.server";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const ACTIONS = ["approve", "reject", "spam", "ban", "edit_length", "edit"] as const;
export type ModerationActionName = (typeof ACTIONS)[number];
export const ACTION_LABELS: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  spam: "Marked as spam",
  ban: "Banned the writer",
  ban_address: "Banned an address (guests)",
  lift_ban: "Lifted a ban",
  edit_length: "Edited for length",
  edit: "Edited",
  dismiss_report: "Dismissed a report",
  report: "Reported by a reader",
  copyright_override: "Published past the copyright guard",
  edit_own: "Edited by its writer",
  delete_own: "Deleted by its writer",
  undo: "Undid a decision",
  file_section: "Filed under a section",
  clear_marks: "Cleared readers’ marks",
};

/** How long a moderator may take back a decision from the queue. */
export const UNDO_SECONDS = 60;
const UNDOABLE = ["approve", "reject", "spam", "dismiss_report"];

export type { Actor };

/** The moderator's edit form on a post's page: for length (cuts only), or for another reason (given). */
export const EditForm = z.object({
  intent: z.enum(["edit_length", "edit"]),
  body: z.string().default(""),
  reason: z.string().default(""),
  revision: z.number().int().nonnegative().optional(),
});

/** Moderators and admins moderate everything; an author, the posts on their own articles. */
export const mayModerate = mayActOnArticle;

/** What a decision (or its undo) reads of a post. */
const DECIDED = {
  id: true,
  status: true,
  flags: true,
  revision: true,
  rootId: true,
  parentId: true,
  number: true,
  articleId: true,
  bodySource: true,
  userId: true,
  guestKey: true,
  guestEmail: true,
  guestName: true,
  ipHash: true,
  article: { select: { authorId: true } },
} as const;

/**
 * Claims a post as it was read: of two moderators deciding at once, on any
 * number of instances, the second waits for the first's row lock, then finds
 * the post changed and is refused.
 */
async function claim(tx: Tx, post: { id: number; status: string; revision: number; flags: string }, refusal: string) {
  const claimed = await tx.post.updateMany({
    where: { id: post.id, status: post.status, revision: post.revision, flags: post.flags },
    data: { updatedAt: new Date() },
  });
  if (claimed.count === 0) throw new Refusal(409, refusal);
}

export type ModerateOptions = {
  expectedRevision?: number;
  /** The status the moderator saw: a decision on a post someone else has decided since is refused. */
  expectedStatus?: string;
  reason?: string;
  body?: string;
  /** With "ban": also hold every guest posting from the writer's address. Never implied by an account ban. */
  banAddress?: boolean;
  /** With "ban": how long it holds (default: for good). */
  banFor?: BanLength;
};

/**
 * A moderator's decision on a post, in one transaction: the post claimed as
 * the moderator saw it (claimDecision), then the decision's own function,
 * which writes it and its audit entry. Returns the post as it now stands, and
 * the log entry an undo would take back.
 */
export async function moderate(
  actor: Actor,
  action: ModerationActionName,
  postId: number,
  options: ModerateOptions = {},
) {
  // Read before the transaction: a read through `db` inside it would want a second connection while it holds one.
  const settings = action === "edit" || action === "edit_length" ? await getSettings() : null;
  return db.$transaction(async (tx) => {
    const claimed = await claimDecision(tx, actor, postId, { ...options, settings });
    const actionId = await DECISIONS[action](claimed);
    const after = await tx.post.findUniqueOrThrow({
      where: { id: postId },
      select: { id: true, status: true, number: true, revision: true },
    });
    return { ...after, actionId };
  });
}

/** A post claimed for one decision, and how the decision logs itself. */
type Claimed = {
  tx: Tx;
  actor: Actor;
  post: Prisma.PostGetPayload<{ select: typeof DECIDED }>;
  options: ModerateOptions & { settings: Settings | null };
  reason: string;
  decidedAt: Date;
  reported: boolean;
  /** An audit entry for this decision (with the text before and after, for an edit). */
  audit: (name: string, before?: string, after?: string) => Promise<{ id: number }>;
  /** An audit entry that an undo can take back: it keeps the post's status and flags before the decision. */
  undoable: (name: string) => Promise<{ id: number }>;
};

/**
 * Reads the post, checks the moderator may decide on it, and claims it as
 * they saw it: a post edited or decided on since is refused (409).
 */
async function claimDecision(
  tx: Tx,
  actor: Actor,
  postId: number,
  options: ModerateOptions & { settings: Settings | null },
): Promise<Claimed> {
  const post = await tx.post.findUnique({ where: { id: postId }, select: DECIDED });
  if (!post) throw new Refusal(404, "That post does not exist.");
  if (!mayModerate(actor, post.article.authorId)) {
    throw new Refusal(403, "You can only moderate posts on your own articles.");
  }
  if (options.expectedRevision !== undefined && options.expectedRevision !== post.revision) {
    throw new Refusal(409, "This post was edited since you loaded it. Reload to see the new text, then decide.");
  }
  await claim(tx, post, "Someone else decided on this post a moment ago. Reload to see where it stands.");
  if (options.expectedStatus !== undefined && options.expectedStatus !== post.status) {
    throw new Refusal(409, "Someone else decided on this post a moment ago. Reload to see where it stands.");
  }
  const reason = options.reason?.trim() ?? "";
  // One time for the decision, its audit row and the reports it closes, so an undo finds exactly those.
  const decidedAt = new Date();
  const entry = (data: {
    action: string;
    before?: string;
    after?: string;
    priorStatus?: string;
    priorFlags?: string;
  }) =>
    tx.moderationAction.create({
      data: { actorId: actor.id, postId, reason, createdAt: decidedAt, ...data },
      select: { id: true },
    });
  return {
    tx,
    actor,
    post,
    options,
    reason,
    decidedAt,
    reported: post.flags.split(",").includes("reported"),
    audit: (action, before, after) => entry({ action, before, after }),
    undoable: (action) => entry({ action, priorStatus: post.status, priorFlags: post.flags }),
  };
}

/** Each decision's own function: writes it and its audit entry; the id of an entry an undo may take back. */
const DECISIONS: Record<ModerationActionName, (claimed: Claimed) => Promise<number | null>> = {
  approve: approve,
  reject: (claimed) => takeOff(claimed, "rejected"),
  spam: (claimed) => takeOff(claimed, "spam"),
  ban: ban,
  edit_length: (claimed) => edit(claimed, "length"),
  edit: (claimed) => edit(claimed, "other"),
};

/** Publishes a held post, or keeps a reported one up; either way its open reports are closed. */
async function approve({ tx, post, reported, decidedAt, undoable }: Claimed) {
  if (post.status === VISIBLE_STATUS && !reported) throw new Refusal(409, "This post is already published.");
  // Mail about it waits out the minute in which the decision can be undone.
  if (post.status !== VISIBLE_STATUS) await publishPost(post.id, tx, new Date(), { mailAfterMs: UNDO_SECONDS * 1000 });
  // Hidden by readers' reports or not, the decision ends it: the post is back, its reports closed.
  const flags = withFlag(withFlag(post.flags, "reported", false), HIDDEN_BY_REPORTS, false);
  await tx.post.update({ where: { id: post.id }, data: { flags } });
  await tx.report.updateMany({ where: { postId: post.id, resolvedAt: null }, data: { resolvedAt: decidedAt } });
  return (await undoable(post.status === VISIBLE_STATUS ? "dismiss_report" : "approve")).id;
}

/** Rejects a post or marks it as spam: off the page, its reports closed; a rejected post's writer is told. */
async function takeOff({ tx, post, reason, decidedAt, undoable }: Claimed, status: "rejected" | "spam") {
  if (post.status === status) throw new Refusal(409, `This post is already ${status}.`);
  await unpublishPost(tx, post);
  const flags = withFlag(withFlag(post.flags, "reported", false), HIDDEN_BY_REPORTS, false);
  await tx.post.update({ where: { id: post.id }, data: { status, flags } });
  await tx.report.updateMany({ where: { postId: post.id, resolvedAt: null }, data: { resolvedAt: decidedAt } });
  const actionId = (await undoable(status === "rejected" ? "reject" : "spam")).id;
  // The writer of a rejected post is told (never a spammer), after the minute an undo may take.
  if (status === "rejected") await notifyRejected(tx, post.id, reason, UNDO_SECONDS * 1000);
  return actionId;
}

/**
 * Bans the post's writer (their account, or a guest's cookie and email; with
 * banAddress, every guest from their address too) and marks the post as spam.
 */
async function ban({ tx, actor, post, reason, options, audit }: Claimed) {
  if (post.status === "spam") throw new Refusal(409, "This post is already marked as spam.");
  const now = new Date();
  const endsAt = banEnds(options.banFor ?? "permanent", now);
  const made = { reason, createdById: actor.id, createdAt: now, endsAt };
  if (post.userId) {
    const user = await tx.user.findUnique({ where: { id: post.userId }, select: { role: true } });
    if (isStaff(user?.role)) throw new Refusal(403, "Staff accounts cannot be banned here.");
    await tx.user.update({ where: { id: post.userId }, data: { bannedAt: now, banReason: reason } });
    await tx.ban.create({ data: { userId: post.userId, ...made } });
  } else {
    await tx.ban.create({
      data: { guestKey: post.guestKey, guestEmail: post.guestEmail, guestName: post.guestName, ...made },
    });
  }
  if (options.banAddress) {
    if (!post.ipHash) throw new Refusal(400, "This post has no address on record to ban.");
    await tx.ban.create({ data: { ipHash: post.ipHash, guestName: post.guestName, ...made } });
  }
  await unpublishPost(tx, post);
  await tx.post.update({ where: { id: post.id }, data: { status: "spam" } });
  await audit("ban");
  if (options.banAddress) await audit("ban_address");
  return null;
}

/**
 * Edits a post's text, keeping what it was as a revision: for length (only
 * cuts, each marked [EDITED FOR LENGTH]) or for another reason, which is given.
 */
async function edit({ tx, actor, post, reason, options, audit }: Claimed, kind: "length" | "other") {
  const body = (options.body ?? "").replace(/\r\n?/g, "\n");
  let next: string;
  if (kind === "length") {
    const cut = applyCuts(post.bodySource, body);
    if (!cut.ok) throw new Refusal(400, cut.message, { field: "body" });
    next = cut.text;
  } else {
    if (!reason) {
      throw new Refusal(
        400,
        "Please say why you are editing this post; readers’ words are only changed with a reason.",
        {
          field: "reason",
        },
      );
    }
    if (body.trim() === "")
      throw new Refusal(400, "The text cannot be empty. To hide the post, reject it.", { field: "body" });
    next = xmlText(body);
  }
  await tx.postRevision.create({
    data: {
      postId: post.id,
      revision: post.revision,
      bodySource: post.bodySource,
      editorId: actor.id,
      kind,
      reason: reason || (kind === "length" ? "Edited for length" : ""),
    },
  });
  // The text's own flags follow the text: a post cut to length is no longer "long".
  const flags = flagsAfterEdit(post.flags, next, options.settings ?? (await getSettings())).join(",");
  await tx.post.update({
    where: { id: post.id },
    data: {
      bodySource: next,
      bodyHtml: renderPostBody(next, { editMarkers: next.includes("[EDITED FOR LENGTH]") }),
      flags,
      revision: { increment: 1 },
    },
  });
  await audit(kind === "length" ? "edit_length" : "edit", post.bodySource, next);
  return null;
}

/**
 * Takes back a decision from the queue within UNDO_SECONDS, by the moderator
 * who made it, if nothing has happened to the post since: the post gets its
 * status and flags back, the reports the decision closed are open again, a
 * question approved with the last number gives that number back, and the
 * undo is itself in the audit log.
 */
export async function undoDecision(actor: Actor, actionId: number) {
  return db.$transaction(async (tx) => {
    const entry = await tx.moderationAction.findUnique({
      where: { id: actionId },
      select: {
        id: true,
        actorId: true,
        action: true,
        postId: true,
        createdAt: true,
        priorStatus: true,
        priorFlags: true,
      },
    });
    if (!entry || entry.postId === null || entry.priorStatus === null || !UNDOABLE.includes(entry.action)) {
      throw new Refusal(404, "There is no decision of yours to undo there.");
    }
    if (entry.actorId !== actor.id) throw new Refusal(403, "You can only undo your own decisions.");
    if (Date.now() - entry.createdAt.getTime() > UNDO_SECONDS * 1000) {
      throw new Refusal(
        409,
        "That decision is more than a minute old, so it can no longer be undone. Open the post to decide again.",
      );
    }
    const postId = entry.postId;
    if ((await tx.moderationAction.count({ where: { postId, id: { gt: entry.id } } })) > 0) {
      throw new Refusal(409, "Something else happened to this post since. Reload to see where it stands.");
    }
    const post = await tx.post.findUniqueOrThrow({ where: { id: postId }, select: DECIDED });
    await claim(tx, post, "Someone else changed this post a moment ago. Reload to see where it stands.");
    const wasVisible = entry.priorStatus === VISIBLE_STATUS;
    let number = post.number;
    if (post.status === VISIBLE_STATUS && !wasVisible) {
      await unpublishPost(tx, post);
      // The number it was given goes back, unless a later question has one already.
      if (post.parentId === null && post.number !== null) {
        const released = await tx.article.updateMany({
          where: { id: post.articleId, lastQuestionNumber: post.number },
          data: { lastQuestionNumber: { decrement: 1 } },
        });
        if (released.count > 0) number = null;
      }
    } else if (post.status !== VISIBLE_STATUS && wasVisible && post.rootId !== null) {
      await tx.post.update({ where: { id: post.rootId }, data: { replyCount: { increment: 1 } } });
    }
    await tx.post.update({
      where: { id: postId },
      data: { status: entry.priorStatus, flags: entry.priorFlags ?? post.flags, number },
    });
    if (post.rootId !== null && post.userId !== null) await recountAuthorAnswered(tx, post.rootId);
    await tx.report.updateMany({ where: { postId, resolvedAt: entry.createdAt }, data: { resolvedAt: null } });
    await cancelMailAbout(tx, postId);
    await tx.moderationAction.create({
      data: { actorId: actor.id, action: "undo", postId, reason: ACTION_LABELS[entry.action] ?? entry.action },
    });
    return { postId, status: entry.priorStatus };
  });
}

/** Whether a question's thread has a published answer from its article's author. */
async function recountAuthorAnswered(tx: Tx, rootId: number) {
  const root = await tx.post.findUniqueOrThrow({
    where: { id: rootId },
    select: { article: { select: { authorId: true } } },
  });
  const authorId = root.article.authorId;
  const answers = authorId ? await tx.post.count({ where: { rootId, userId: authorId, status: VISIBLE_STATUS } }) : 0;
  await tx.post.update({ where: { id: rootId }, data: { authorAnswered: answers > 0 } });
}

/**
 * A moderator clears a post's readers' marks of one kind ("me too" on a
 * question, "answered my question" on a reply) that look like abuse: kept,
 * counted no more, and logged.
 */
export async function clearReaderMarks(actor: Actor, postId: number, kind: MarkKind) {
  return db.$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: postId },
      select: { article: { select: { authorId: true } } },
    });
    if (!post) throw new Refusal(404, "That post does not exist.");
    if (!mayModerate(actor, post.article.authorId)) {
      throw new Refusal(403, "You can only moderate posts on your own articles.");
    }
    const cleared = await clearMarks(tx, postId, kind);
    await tx.moderationAction.create({
      data: { actorId: actor.id, action: "clear_marks", postId, reason: `${cleared} “${kind}” marks` },
    });
    return cleared;
  });
}
