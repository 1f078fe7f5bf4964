// The inbox page's loader and action: who may see it, what it shows, and what
// each composer button answers.
import { Refusal } from "~/utils/refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { AUTHORS } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { ComposerForm, compose } from "~/author/composer.server";
import { getInbox } from "~/author/inbox.server";
import { countSectionsToConfirm } from "~/author/sections.server";
import { flashHeaders } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { pageParam, parseSubmission, refuse } from "~/utils/form.server";
import { listTemplates } from "~/templates/templates.server";

export async function loadInbox({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  const params = new URL(request.url).searchParams;
  const [inbox, templates, sectionsToConfirm] = await Promise.all([
    getInbox(actor, {
      article: params.get("article"),
      section: params.get("section"),
      sort: params.get("sort"),
      page: pageParam(params.get("page")),
    }),
    listTemplates(actor.id),
    countSectionsToConfirm(actor),
  ]);
  return {
    inbox,
    sectionsToConfirm,
    templates: templates.map((t) => ({ id: t.id, name: t.name, category: t.category })),
    isAdmin: actor.role === "admin",
  };
}

export async function composeAnswer({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, AUTHORS);
  const submission = await parseSubmission(request, ComposerForm);
  // Each card's composer is its own form, named by the question it answers.
  const form = `composer-${String(submission.payload.questionId ?? "")}`;
  if (submission.status !== "success") return refuse(submission, {}, { form });
  try {
    const outcome = await compose(actor, submission.value);
    if (outcome.kind === "published") {
      const back = new URL(request.url);
      return redirect(back.pathname + back.search, {
        headers: await flashHeaders(`Your answer to ${outcome.asker} is published.`),
      });
    }
    // A new draft (or the refused one) goes back into the answer box as its text.
    submission.payload.body = outcome.body;
    if (outcome.kind === "draft") {
      submission.payload.templateId = outcome.templateId ? String(outcome.templateId) : "";
      return data({ form, result: submission.reply(), draft: outcome.body, copyright: undefined });
    }
    return refuse(submission, outcome.problems, {
      form,
      status: outcome.status,
      extra: { draft: outcome.body, copyright: outcome.copyright },
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // A question answered or hidden since the page was loaded: said on its card, the draft kept.
    if (error.status === 403) throw new Response(error.message, { status: 403, statusText: "Forbidden" });
    return refuse(submission, { form: error.message }, { form, status: error.status });
  }
}
