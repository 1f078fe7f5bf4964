// Afterword inside other sites' pages (embed.js, docs/decisions/0013): the
// pages a site embeds live under /embed/. Only there may a page be framed, and
// only by the origins EMBED_ORIGINS names; every other page, staff pages
// included, keeps `frame-ancestors 'none'`. A frame under another site is a
// third party, whose ordinary cookies browsers block: the cookies its answers
// set are partitioned (CHIPS), kept by the browser for that site alone.
import { config } from "~/config.server";
import { framedPath, isFramePath } from "~/model/paths";

export { isFramePath };

/**
 * An answer to a request from a frame, kept in the frame: a redirect to a page the frame has (the article's
 * questions, a thread) goes to the frame's own page for it. Anything else is left as it is.
 */
export function stayInFrame<T>(request: Request, answer: T): T {
  if (!(answer instanceof Response) || !isFramePath(new URL(request.url).pathname)) return answer;
  const location = answer.headers.get("Location");
  if (!location || answer.status < 300 || answer.status >= 400) return answer;
  const headers = new Headers(answer.headers);
  headers.set("Location", framedPath(location));
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers }) as T;
}

/** The origins allowed to embed Afterword (EMBED_ORIGINS), as browsers spell an Origin header. */
export function embedOrigins(): readonly string[] {
  return config().EMBED_ORIGINS;
}

/** The request's Origin when it is one EMBED_ORIGINS allows; null for any other or none. */
export function allowedEmbedOrigin(origin: string | null | undefined): string | null {
  if (!origin) return null;
  const lower = origin.toLowerCase();
  return embedOrigins().includes(lower) ? lower : null;
}

/** The CSP `frame-ancestors` value: the embedding sites on frame pages (or 'none' when none is set), else FRAME_ANCESTORS. */
export function frameAncestors(frame: boolean): string {
  if (frame) return embedOrigins().join(" ") || "'none'";
  return config().FRAME_ANCESTORS?.trim() || "'none'";
}

/**
 * A Set-Cookie value as a frame under another site must send it: `SameSite=None; Secure; Partitioned`. The
 * browser keeps it for this site under that site only, so it is sent back to the frame and nowhere else.
 */
export function partitionedCookie(setCookie: string): string {
  const kept = setCookie
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part && !/^(samesite|secure|partitioned)(=|$)/i.test(part));
  return [...kept, "SameSite=None", "Secure", "Partitioned"].join("; ");
}

/** What embed.js may ask for from an allowed site's page (its report, the counts): CORS for that origin alone. */
export function embedCorsHeaders(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET, POST",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "3600",
    Vary: "Origin",
  };
}

/** The addresses an allowed site's page posts to from its own origin (embed.js's report); each checks the origin itself. */
export const EMBED_POST_PATHS: readonly string[] = ["/embed/register"];
