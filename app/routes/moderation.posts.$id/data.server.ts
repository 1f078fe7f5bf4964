// A post's moderation page: the post with what was cut and every revision,
// and the edit form's two buttons.
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { STAFF as MODERATORS } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { removedParts } from "~/moderation/cuts";
import { z } from "zod";
import { EditForm, clearReaderMarks, moderate } from "~/moderation/moderate.server";
import { MARK_KINDS } from "~/posts/reader-marks.server";
import { describePost, postForModeration } from "~/moderation/queue.server";
import { postPermalink } from "~/model/paths";
import { flashHeaders } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { showDateTime } from "~/utils/dates";
import { answerRefusal, parseSubmission, refuse, refused, requireId } from "~/utils/form.server";

export async function loadPostPage({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, MODERATORS);
  const post = await postForModeration(actor, requireId(params.id));
  const original = post.revisions[0]?.bodySource ?? null;
  return {
    post: {
      id: post.id,
      status: post.status,
      revision: post.revision,
      bodySource: post.bodySource,
      writer: post.user?.displayName ?? post.guestName ?? "Anonymous",
      article: { slug: post.article.slug, title: post.article.title },
      href: postPermalink(post.article.slug, post.id),
      isQuestion: post.rootId === null,
      marks: post.rootId === null ? post.meTooCount : post.answeredCount,
    },
    original,
    removed: original ? removedParts(original, post.bodySource) : null,
    revisions: post.revisions.map((r) => ({
      revision: r.revision,
      kind: r.kind,
      reason: r.reason,
      editor: r.editor?.displayName ?? "a moderator",
      date: showDateTime(r.createdAt),
      bodySource: r.bodySource,
    })),
  };
}

const ClearMarksForm = z.object({ intent: z.literal("clear_marks"), kind: z.enum(MARK_KINDS) });

export async function editPost({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, MODERATORS);
  const post = await postForModeration(actor, requireId(params.id));
  // A body that is not a form is refused by parseSubmission below (4xx), never here.
  const sent = await request
    .clone()
    .formData()
    .then((form) => form.get("intent"))
    .catch(() => null);
  if (sent === "clear_marks") {
    const cleared = await parseSubmission(request, ClearMarksForm);
    if (cleared.status !== "success") throw new Response("Choose which marks to clear.", { status: 400 });
    const count = await answerRefusal(() => clearReaderMarks(actor, post.id, cleared.value.kind));
    return redirect(`/moderation/posts/${post.id}`, {
      headers: await flashHeaders(`Cleared ${count} ${count === 1 ? "mark" : "marks"}; they are kept in the log.`),
    });
  }
  const submission = await parseSubmission(request, EditForm);
  if (submission.status !== "success") return refuse(submission);
  const { intent, body, reason, revision } = submission.value;
  try {
    await moderate(actor, intent, post.id, { body, reason, expectedRevision: revision });
  } catch (error) {
    return refused(submission, error);
  }
  const described = await describePost(post.id);
  return redirect("/moderation", {
    headers: await flashHeaders(`Saved the edit to ${described}; the original is kept.`),
  });
}
