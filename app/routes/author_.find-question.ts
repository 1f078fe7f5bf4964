// GET /author/find-question?article=<slug>&q=<#12 or words>: the questions of
// one of the author's articles that the composer's "Point to a question"
// field offers as the author types.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AUTHORS } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { findQuestions } from "~/author/inbox.server";
import { MAX_QUERY_LENGTH } from "~/search/terms";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const questions = q.trim() ? await findQuestions(actor, params.get("article") ?? "", q) : [];
  return Response.json({ questions }, { headers: { "Cache-Control": "private, no-store" } });
}
