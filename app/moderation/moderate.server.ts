// Moderation decisions. One entry point, `moderate`, checks that this actor
// may take this action on this post in its current state, refuses a decision
// on a post edited since the moderator loaded it, applies the action in one
// transaction, and writes the audit row with it. Nothing is deleted: hiding
// is a status, and an edit keeps the text before it as a revision.
import { isStaff } from "~/auth/roles";
import { type Db, db } from "~/db.server";
import { applyCuts } from "~/moderation/cuts";
import { REPORT_REASONS } from "~/moderation/report-reasons";
import { renderPostBody } from "~/posts/body.server";
import { publishPost } from "~/posts/posts.server";
import { VISIBLE_STATUS } from "~/posts/status";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const ACTIONS = ["approve", "reject", "spam", "ban", "edit_length", "edit"] as const;
export type ModerationActionName = (typeof ACTIONS)[number];
export const ACTION_LABELS: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  spam: "Marked as spam",
  ban: "Banned the writer",
  edit_length: "Edited for length",
  edit: "Edited",
  dismiss_report: "Dismissed a report",
  report: "Reported by a reader",
  copyright_override: "Published past the copyright guard",
};

export type Actor = { id: string; role: string };

export class ModerationError extends Error {
  constructor(
    public status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Moderators and admins moderate everything; an author, the posts on their own articles. */
export function mayModerate(actor: Actor, articleAuthorId: string | null) {
  if (actor.role === "moderator" || actor.role === "admin") return true;
  return actor.role === "author" && articleAuthorId === actor.id;
}

function withFlag(flags: string, flag: string, on: boolean) {
  const set = new Set(flags.split(",").filter(Boolean));
  if (on) set.add(flag);
  else set.delete(flag);
  return [...set].join(",");
}

/** A published post leaving the page: its question counts one reply fewer. */
async function unpublish(tx: Tx, post: { status: string; rootId: number | null }) {
  if (post.status === VISIBLE_STATUS && post.rootId !== null) {
    await tx.post.update({ where: { id: post.rootId }, data: { replyCount: { decrement: 1 } } });
  }
}

export type ModerateOptions = { expectedRevision?: number; reason?: string; body?: string };

export async function moderate(
  actor: Actor,
  action: ModerationActionName,
  postId: number,
  options: ModerateOptions = {},
) {
  return db.$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: postId },
      select: {
        id: true,
        status: true,
        flags: true,
        revision: true,
        rootId: true,
        bodySource: true,
        userId: true,
        guestEmail: true,
        ipHash: true,
        article: { select: { authorId: true } },
      },
    });
    if (!post) throw new ModerationError(404, "That post does not exist.");
    if (!mayModerate(actor, post.article.authorId)) {
      throw new ModerationError(403, "You can only moderate posts on your own articles.");
    }
    if (options.expectedRevision !== undefined && options.expectedRevision !== post.revision) {
      throw new ModerationError(
        409,
        "This post was edited since you loaded it. Reload to see the new text, then decide.",
      );
    }
    const reason = options.reason?.trim() ?? "";
    const audit = (name: string, before?: string, after?: string) =>
      tx.moderationAction.create({ data: { actorId: actor.id, action: name, postId, reason, before, after } });
    const reported = post.flags.split(",").includes("reported");

    switch (action) {
      case "approve": {
        if (post.status === VISIBLE_STATUS && !reported)
          throw new ModerationError(409, "This post is already published.");
        if (post.status !== VISIBLE_STATUS) await publishPost(postId, tx);
        await tx.post.update({ where: { id: postId }, data: { flags: withFlag(post.flags, "reported", false) } });
        await tx.report.updateMany({ where: { postId, resolvedAt: null }, data: { resolvedAt: new Date() } });
        await audit(post.status === VISIBLE_STATUS ? "dismiss_report" : "approve");
        break;
      }
      case "reject":
      case "spam": {
        const status = action === "reject" ? "rejected" : "spam";
        if (post.status === status) throw new ModerationError(409, `This post is already ${status}.`);
        await unpublish(tx, post);
        await tx.post.update({
          where: { id: postId },
          data: { status, flags: withFlag(post.flags, "reported", false) },
        });
        await tx.report.updateMany({ where: { postId, resolvedAt: null }, data: { resolvedAt: new Date() } });
        await audit(action);
        break;
      }
      case "ban": {
        if (post.userId) {
          const user = await tx.user.findUnique({ where: { id: post.userId }, select: { role: true } });
          if (isStaff(user?.role)) throw new ModerationError(403, "Staff accounts cannot be banned here.");
          await tx.user.update({ where: { id: post.userId }, data: { bannedAt: new Date(), banReason: reason } });
        }
        await tx.ban.create({
          data: {
            userId: post.userId,
            guestEmail: post.userId ? null : post.guestEmail,
            ipHash: post.ipHash,
            reason,
            createdById: actor.id,
          },
        });
        await unpublish(tx, post);
        await tx.post.update({ where: { id: postId }, data: { status: "spam" } });
        await audit("ban");
        break;
      }
      case "edit_length":
      case "edit": {
        const body = (options.body ?? "").replace(/\r\n?/g, "\n");
        let next: string;
        if (action === "edit_length") {
          const cut = applyCuts(post.bodySource, body);
          if (!cut.ok) throw new ModerationError(400, cut.message);
          next = cut.text;
        } else {
          if (!reason)
            throw new ModerationError(
              400,
              "Please say why you are editing this post; readers’ words are only changed with a reason.",
            );
          if (body.trim() === "")
            throw new ModerationError(400, "The text cannot be empty. To hide the post, reject it.");
          next = body;
        }
        const marked = next.includes("[EDITED FOR LENGTH]");
        await tx.postRevision.create({
          data: {
            postId,
            revision: post.revision,
            bodySource: post.bodySource,
            editorId: actor.id,
            kind: action === "edit_length" ? "length" : "other",
            reason: reason || (action === "edit_length" ? "Edited for length" : ""),
          },
        });
        await tx.post.update({
          where: { id: postId },
          data: {
            bodySource: next,
            bodyHtml: renderPostBody(next, { editMarkers: marked }),
            revision: { increment: 1 },
          },
        });
        await audit(action, post.bodySource, next);
        break;
      }
    }
    return tx.post.findUniqueOrThrow({
      where: { id: postId },
      select: { id: true, status: true, number: true, revision: true },
    });
  });
}

/** A reader reports a published post: it stays on the page and enters the queue flagged "reported". */
export async function reportPost(postId: number, reason: string, reporterKey: string | null) {
  if (!(REPORT_REASONS as readonly string[]).includes(reason)) {
    throw new ModerationError(400, "Please choose a reason from the list.");
  }
  await db.$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { status: true, flags: true } });
    if (!post || post.status !== VISIBLE_STATUS)
      throw new ModerationError(404, "That post is not on the page any more.");
    await tx.report.create({ data: { postId, reason, reporterKey } });
    await tx.post.update({ where: { id: postId }, data: { flags: withFlag(post.flags, "reported", true) } });
    await tx.moderationAction.create({ data: { actorId: null, action: "report", postId, reason } });
  });
}

/** Whether a writer is banned: by account, or for guests by email or address. */
export async function isBanned(writer: { userId: string | null; guestEmail: string | null; ipHash: string | null }) {
  const or = [
    writer.userId ? { userId: writer.userId } : null,
    writer.guestEmail ? { guestEmail: writer.guestEmail.toLowerCase() } : null,
    writer.ipHash ? { ipHash: writer.ipHash } : null,
  ].filter((w) => w !== null);
  if (or.length === 0) return false;
  return (await db.ban.count({ where: { OR: or } })) > 0;
}
