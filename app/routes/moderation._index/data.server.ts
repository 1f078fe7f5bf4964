// The queue page's loader and its decisions: one post's buttons, or the
// selected posts at once. Each decision is said with the post and its number,
// and can be undone for a minute.
import { Refusal } from "~/utils/refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { STAFF as MODERATORS, keepsBans } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { UNDO_SECONDS, moderate } from "~/moderation/moderate.server";
import { capitalise } from "~/moderation/post-names";
import { REJECT_REASONS } from "~/model/report-reasons";
import { BAN_LENGTHS, BAN_REASON_MAX } from "~/model/ban-lengths";
import { describePost, getQueue } from "~/moderation/queue.server";
import { flashHeaders } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { idField, pageParam, parseSubmission, refuse } from "~/utils/form.server";

/** The queue's forms answer as one: their messages show above the queue. */
const QUEUE_FORM = "queue";

export async function loadQueue({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, MODERATORS);
  const queue = await getQueue(actor, pageParam(new URL(request.url).searchParams.get("page")));
  // The list of bans is for moderators and admins; an author's queue does not link to it.
  return { ...queue, keepsBans: keepsBans(actor) };
}

const DECISIONS = ["approve", "reject", "spam", "ban"] as const;
const DONE: Record<string, string> = { approve: "approved", reject: "rejected", spam: "marked as spam", ban: "banned" };

/** A decision on one post (its buttons), or on the posts ticked in the queue (the bar above it). */
const DecisionForm = z.union([
  z
    .object({
      intent: z.enum(DECISIONS),
      postId: idField("That post number is not valid."),
      revision: z.number().int().nonnegative().optional(),
      status: z.string().optional(),
      reason: z.string().default(""),
      banAddress: z.boolean().default(false),
      /** With "ban": why (required, kept on the list of bans) and for how long. */
      banReason: z
        .string()
        .trim()
        .max(BAN_REASON_MAX, `Keep the reason under ${BAN_REASON_MAX} characters.`)
        .default(""),
      banFor: z.enum(BAN_LENGTHS, { message: "Choose how long the ban lasts." }).default("permanent"),
      /** "yes" once the moderator confirmed a ban (the dialog, or the second step without JavaScript). */
      confirmed: z.string().optional(),
    })
    .refine(
      (input) =>
        input.intent !== "reject" || !input.reason || (REJECT_REASONS as readonly string[]).includes(input.reason),
      { message: "Please choose a reason from the list, or none.", path: ["reason"] },
    ),
  z.object({
    intent: z.enum(["bulk:approve", "bulk:reject", "bulk:spam"]),
    ids: z.array(idField("That post number is not valid."), { required_error: "Select at least one post." }).min(1),
  }),
]);

/** Where the queue's forms come back to: the same page of the queue, without routing details. */
function queueAddress(request: Request) {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return url.pathname + url.search;
}

export async function decide({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, MODERATORS);
  const submission = await parseSubmission(request, DecisionForm);
  if (submission.status !== "success") {
    const known = Object.values(submission.error ?? {}).some((messages) => messages?.length);
    return refuse(submission, known ? {} : { form: "Unknown action." }, { form: QUEUE_FORM });
  }
  const input = submission.value;
  const single = "postId" in input;
  if (single && input.intent === "ban" && (input.confirmed !== "yes" || !input.banReason)) {
    // A ban is not undone from the queue: without JavaScript the first press asks (the dialog does with it), and a
    // ban without a reason asks for one, on the same step.
    return data(
      {
        confirmBan: {
          postId: input.postId,
          post: await describePost(input.postId),
          revision: input.revision,
          status: input.status,
          banAddress: input.banAddress,
          banReason: input.banReason,
          banFor: input.banFor,
          problem: input.confirmed === "yes" ? "Say why you ban them: the list of bans keeps it." : null,
        },
      },
      { status: input.confirmed === "yes" ? 400 : 200 },
    );
  }
  const name = single ? input.intent : (input.intent.split(":")[1] as (typeof DECISIONS)[number]);
  const targets = single
    ? [{ id: input.postId, revision: input.revision, status: input.status }]
    : input.ids.map((id) => ({ id, revision: undefined, status: undefined }));
  const names: string[] = [];
  const problems: string[] = [];
  const undoable: number[] = [];
  for (const target of targets) {
    try {
      const decided = await moderate(actor, name, target.id, {
        expectedRevision: target.revision,
        expectedStatus: target.status,
        reason: single ? (name === "ban" ? input.banReason : input.reason) : "",
        banAddress: single && input.banAddress,
        banFor: single ? input.banFor : undefined,
      });
      if (decided.actionId !== null) undoable.push(decided.actionId);
      names.push(await describePost(target.id));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (single) return refuse(submission, { form: error.message }, { status: error.status, form: QUEUE_FORM });
      problems.push(`${capitalise(await describePost(target.id))}: ${error.message}`);
    }
  }
  const kept = single && name === "approve" && input.status === "published";
  const done = kept ? "kept on the page, the report dismissed" : DONE[name];
  const message =
    (single
      ? names.length
        ? `${capitalise(names[0])}: ${done}.`
        : ""
      : `${names.length} ${names.length === 1 ? "post" : "posts"} ${done}${names.length ? `: ${names.join("; ")}` : ""}.`) +
    (name === "ban" && names.length > 0 && single && input.banAddress
      ? " Guests posting from its address are banned too; accounts there are not."
      : "") +
    (problems.length ? ` Not done: ${problems.join(" ")}` : "");
  return redirect(queueAddress(request), {
    headers: await flashHeaders({
      message: message || "Nothing was decided.",
      undo: undoable.length ? { actionIds: undoable, until: Date.now() + UNDO_SECONDS * 1000 } : undefined,
    }),
  });
}
