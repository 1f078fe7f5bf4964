// POST /embed/register — embed.js, on a page of a site EMBED_ORIGINS allows,
// reports the page (its address, title and h2[id] headings) and is told which
// article's questions to show in its frame, with the counts its section links
// show. Any other origin is refused, and nothing is recorded for it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { embeddedArticle, readHostReport } from "~/embed/hosted-articles.server";
import { allowedEmbedOrigin, embedCorsHeaders } from "~/security/frames.server";
import { isRefusal } from "~/utils/refusal";

const NOT_ALLOWED =
  "This site may not embed Afterword. Its owner can add the site's origin to EMBED_ORIGINS (see the README).";

export async function action({ request }: ActionFunctionArgs) {
  const origin = allowedEmbedOrigin(request.headers.get("Origin"));
  if (!origin) return Response.json({ error: NOT_ALLOWED }, { status: 403, headers: { Vary: "Origin" } });
  const cors = embedCorsHeaders(origin);
  if (request.method !== "POST") return Response.json({ error: "Use POST." }, { status: 405, headers: cors });
  try {
    const article = await embeddedArticle(readHostReport(await request.text(), origin));
    return Response.json(
      { ...article, frame: `/embed/articles/${article.slug}` },
      { headers: { ...cors, "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return Response.json({ error: error.message }, { status: error.status, headers: cors });
  }
}

/** The browser's preflight for the report (OPTIONS reaches the loader); a GET is told to use POST. */
export function loader({ request }: LoaderFunctionArgs) {
  const origin = allowedEmbedOrigin(request.headers.get("Origin"));
  if (request.method === "OPTIONS" && origin)
    return new Response(null, { status: 204, headers: embedCorsHeaders(origin) });
  if (request.method === "OPTIONS")
    return Response.json({ error: NOT_ALLOWED }, { status: 403, headers: { Vary: "Origin" } });
  return Response.json({ error: "Use POST, from embed.js." }, { status: 405, headers: { Allow: "POST" } });
}
