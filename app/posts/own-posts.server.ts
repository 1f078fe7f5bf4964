// A writer's own post: they may change its text for a while after sending it
// (the editMinutes setting) and delete it. Whose a post is: the account that
// wrote it, or the guest whose cookie wrote it. Nothing is lost: an edit keeps
// the text before it as a revision, a deletion is a status, and both are in
// the audit log. An edited post by a writer who is not trusted goes back to
// the moderation queue, so an approved text cannot be swapped for another.
import { Refusal } from "~/utils/refusal";
import { xmlText } from "~/utils/text-safety";
import { z } from "zod";
import { isStaff } from "~/model/roles";
import { checkAgainstSources } from "~/copyright/sources.server";
import { db } from "~/db.server";
import { renderPostBody } from "~/posts/body.server";
import { flagsAfterEdit } from "~/posts/flags.server";
import { bodyProblem, intakeStatus } from "~/posts/intake.server";
import type { Visitor } from "~/auth/visitor.server";
import { resolveReferences } from "~/posts/references.server";
import { VISIBLE_STATUS } from "~/model/status";
import { isWrittenBy } from "~/model/writer";
import { getSettings } from "~/settings/settings.server";
import { shortened } from "~/utils/graphemes";

/** The writer's form on their own post: save a new text, or delete the post. */
export const OwnPostForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), body: z.string().default("") }),
  // "yes" once the writer confirmed (the dialog, or the second step without JavaScript).
  z.object({ intent: z.literal("delete"), confirmed: z.string().optional() }),
]);

type Writer = Pick<Visitor, "userId" | "role" | "guestKey">;

const ownPostSelect = {
  id: true,
  status: true,
  parentId: true,
  rootId: true,
  bodySource: true,
  revision: true,
  flags: true,
  createdAt: true,
  userId: true,
  guestKey: true,
  article: { select: { id: true, slug: true, title: true } },
} as const;

/** The writer's own post, readable by them (published or awaiting moderation); anything else is "not found". */
export async function loadOwnPost(writer: Writer, postId: number) {
  const post = await db.post.findUnique({ where: { id: postId }, select: ownPostSelect });
  if (!post || !isWrittenBy(post, writer) || !["pending", "published", "spam"].includes(post.status)) {
    throw new Refusal(404, "That post is not one of yours, or it is no longer on the page.");
  }
  const settings = await getSettings();
  const editableUntil = new Date(post.createdAt.getTime() + settings.editMinutes * 60_000);
  return { post, editableUntil, settings };
}

/** Changes the text of the writer's own post within the edit window. */
export async function editOwnPost(writer: Writer, postId: number, input: string) {
  const { post, editableUntil, settings } = await loadOwnPost(writer, postId);
  if (Date.now() > editableUntil.getTime()) {
    throw new Refusal(
      403,
      `A post can be edited for ${settings.editMinutes} minutes after it is sent, and that time has passed. You can still delete it.`,
    );
  }
  const body = xmlText(input.replace(/\r\n?/g, "\n"));
  const problem = bodyProblem(body, settings, post.parentId === null);
  if (problem) throw new Refusal(400, problem, { field: "body" });
  if (body === post.bodySource) return { status: post.status, changed: false };
  const references = await resolveReferences(post.article, body);
  if (!references.ok) throw new Refusal(400, references.message, { field: "body" });
  const guard = await checkAgainstSources(body, {
    maxRunWords: settings.guardRunWords,
    maxSharedRatio: settings.guardSharedPercent / 100,
  });
  const flags = flagsAfterEdit(post.flags, body, settings).filter((f) => f !== "protected-text");
  if (guard.blocked && !isStaff(writer.role)) flags.push("protected-text");
  // A published text may stay published only if this writer's posts publish at once anyway.
  const trusted = (await intakeStatus({ ...writer, ipHash: null, formShownAt: null }, settings)) === VISIBLE_STATUS;
  const backToQueue =
    post.status === VISIBLE_STATUS && (!trusted || flags.includes("protected-text") || flags.includes("banned-word"));
  const status = backToQueue ? "pending" : post.status;

  await db.$transaction(async (tx) => {
    // The edit names the revision it replaces: two edits at once cannot both win.
    const claimed = await tx.post.updateMany({
      where: { id: post.id, revision: post.revision, status: post.status },
      data: { updatedAt: new Date() },
    });
    if (claimed.count === 0) throw new Refusal(409, "This post changed meanwhile. Reload it and edit again.");
    await tx.postRevision.create({
      data: {
        postId: post.id,
        revision: post.revision,
        bodySource: post.bodySource,
        editorId: writer.userId,
        kind: "own",
        reason: "Edited by its writer",
      },
    });
    if (backToQueue && post.rootId !== null) {
      await tx.post.update({ where: { id: post.rootId }, data: { replyCount: { decrement: 1 } } });
    }
    await tx.post.update({
      where: { id: post.id },
      data: {
        bodySource: body,
        bodyHtml: renderPostBody(references.markdown),
        flags: flags.join(","),
        status,
        revision: { increment: 1 },
        editedAt: new Date(),
      },
    });
    await tx.moderationAction.create({
      data: { actorId: writer.userId, action: "edit_own", postId: post.id, before: post.bodySource, after: body },
    });
  });
  return { status, changed: true };
}

/** Takes the writer's own post off the page: a status, with the text kept. */
export async function deleteOwnPost(writer: Writer, postId: number) {
  const { post } = await loadOwnPost(writer, postId);
  return takeDown(post, writer.userId);
}

/**
 * The posts a guest wrote with this email (the link in their confirmation email names it): on the page or
 * waiting, newest first. An account's posts are the account's, never an email link's.
 */
export async function guestPostsByEmail(address: string) {
  const posts = await db.post.findMany({
    where: { guestEmail: address, userId: null, status: { in: ["pending", "published"] } },
    orderBy: { id: "desc" },
    take: 100,
    select: {
      id: true,
      status: true,
      bodySource: true,
      createdAt: true,
      article: { select: { slug: true, title: true } },
    },
  });
  return posts.map((p) => ({
    ...p,
    excerpt: shortened(p.bodySource, 160),
  }));
}

/** A guest deletes one of their posts from their email's link: only a post that address wrote, as a guest. */
export async function deleteByEmailLink(address: string, postId: number) {
  const post = await db.post.findUnique({ where: { id: postId }, select: ownPostSelect });
  const mine = await db.post.count({ where: { id: postId, guestEmail: address, userId: null } });
  if (!post || mine === 0 || !["pending", "published"].includes(post.status)) {
    throw new Refusal(404, "That post is not one this address wrote, or it is no longer on the page.");
  }
  return takeDown(post, null);
}

async function takeDown(
  post: {
    id: number;
    status: string;
    revision: number;
    rootId: number | null;
    article: { id: string; slug: string; title: string };
  },
  actorId: string | null,
) {
  const answered = await db.post.count({ where: { parentId: post.id, status: VISIBLE_STATUS } });
  if (answered > 0) {
    throw new Refusal(
      409,
      "Others have replied to this post, so deleting it would leave their replies without context. Edit it instead, or ask a moderator.",
    );
  }
  await db.$transaction(async (tx) => {
    const claimed = await tx.post.updateMany({
      where: { id: post.id, status: post.status, revision: post.revision },
      data: { status: "deleted" },
    });
    if (claimed.count === 0) throw new Refusal(409, "This post changed meanwhile. Reload it and try again.");
    if (post.status === VISIBLE_STATUS && post.rootId !== null) {
      await tx.post.update({ where: { id: post.rootId }, data: { replyCount: { decrement: 1 } } });
    }
    await tx.moderationAction.create({ data: { actorId, action: "delete_own", postId: post.id } });
  });
  return { article: post.article };
}
