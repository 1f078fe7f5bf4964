import { Refusal } from "~/utils/refusal";
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { STAFF } from "~/model/roles";
import { requireRole, safeRedirect } from "~/auth/guards.server";
import { undoDecision } from "~/moderation/moderate.server";
import { describePost } from "~/moderation/queue.server";
import { flashHeaders } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { idField, parseSubmission } from "~/utils/form.server";

// Only a form posts here (the "Undo" after a decision); a visit goes to the queue.
export const loader = () => redirect("/moderation");

const UndoForm = z.object({
  actionIds: z.array(idField("That decision is not one to undo.")).min(1),
  back: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, STAFF);
  const submission = await parseSubmission(request, UndoForm);
  if (submission.status !== "success") {
    throw new Response("There is no decision to undo in this form.", { status: 400, statusText: "Bad Request" });
  }
  const undone: string[] = [];
  const problems: string[] = [];
  for (const id of submission.value.actionIds) {
    try {
      const { postId, status } = await undoDecision(actor, id);
      undone.push(`${await describePost(postId)} is ${status === "published" ? "published" : status} again`);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      problems.push(error.message);
    }
  }
  const message = [
    undone.length ? `Undone: ${undone.join("; ")}.` : "",
    problems.length ? `Not undone: ${[...new Set(problems)].join(" ")}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return redirect(safeRedirect(submission.value.back, "/moderation"), { headers: await flashHeaders(message) });
}
