// GET /embed/counts?url=…&article=… — an allowed site's index page asks, in
// one request, how many questions each of its linked pages has (elements with
// data-afterword-count). Answered with CORS for that origin alone, and kept
// by caches for a minute.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { questionCounts } from "~/embed/hosted-articles.server";
import { allowedEmbedOrigin, embedCorsHeaders } from "~/security/frames.server";
import { isRefusal } from "~/utils/refusal";

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = allowedEmbedOrigin(request.headers.get("Origin"));
  if (!origin) {
    return Response.json(
      { error: "This site may not ask for Afterword's counts." },
      { status: 403, headers: { Vary: "Origin" } },
    );
  }
  const params = new URL(request.url).searchParams;
  const cors = embedCorsHeaders(origin);
  try {
    const counts = await questionCounts(origin, { urls: params.getAll("url"), articles: params.getAll("article") });
    return Response.json(counts, { headers: { ...cors, "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return Response.json({ error: error.message }, { status: error.status, headers: cors });
  }
}
