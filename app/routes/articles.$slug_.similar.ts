// GET /articles/:slug/similar?q= — the published questions like the one a
// reader is writing, as JSON, for the ask form as they type (without
// JavaScript the form's Preview shows the same list).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { suggestWhileAsking } from "~/search/search.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const suggestions = await suggestWhileAsking(params.slug ?? "", q);
  if (suggestions === null) throw new Response("Not found", { status: 404 });
  // What is published changes with every approval; the answer is not kept. A plain JSON response:
  // the ask form's fetcher reads it, and so can any other client.
  return Response.json({ suggestions }, { headers: { "Cache-Control": "no-store" } });
}
