// Remix's server entry: every page is rendered by the article page's door
// (app/article-page/render.server.tsx), which keeps the pages every reader
// shares; a 503 of its own when the database is unavailable; and what
// scripts/server.js calls in the app, exported here.
import { randomBytes } from "node:crypto";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { renderDocument } from "~/article-page/render.server";
import { unavailablePage } from "~/db/unavailable-page";
import { describeDatabaseError, isDatabaseUnavailable } from "~/db/unavailable";
import { reopenIfReadOnly } from "~/db.server";
import { addSecurityHeaders, contentSecurityPolicy, framingOf } from "~/security/headers.server";
import { startMailSender as sendMail } from "~/mail/sender.server";
import { writeDueDigests } from "~/moderation/digest.server";

// Used by scripts/server.js, which checks requests before Remix sees them.
export {
  isSameOrigin,
  headersForRemix,
  OPEN_POST_PATHS as openPostPaths,
  CROSS_SITE_MESSAGE as crossSiteMessage,
} from "~/security/same-origin.server";
/** This instance's mail: the staff digests that are due, then everything due (app/mail/sender.server.ts). */
export const startMailSender = () => sendMail(writeDueDigests);
export { articlesChanged } from "~/articles/versions.server";
export { listenForChanges } from "~/articles/change-feed.server";
export { serveArticlePage } from "~/article-page/render.server";
export { addSecurityHeaders, framingOf } from "~/security/headers.server";
export { partitionedCookie, EMBED_POST_PATHS as embedPostPaths } from "~/security/frames.server";
export { config, configProblems } from "~/config.server";
export { startDailyPrune } from "~/privacy/retention.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the production server sees it (behind TRUST_PROXY=1, the proxy's word). */
    clientAddress?: string | null;
    /** Runs `work` once the answer has gone out (the production server); work that must not slow the answer. */
    afterResponse?: (work: () => void) => void;
  }
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  addSecurityHeaders(responseHeaders, framingOf(request.url));
  if (unavailable.has(request)) return databaseUnavailable(request, responseHeaders);
  return renderDocument(request, responseStatusCode, responseHeaders, remixContext);
}

/**
 * What goes to the error log: errors of the app, not a client's mistakes. A
 * request Remix answers with a 4xx of its own (a POST to a page without an
 * action is 405) would otherwise log a stack trace each time, and anyone could
 * fill the log with them.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (isDatabaseUnavailable(error)) {
    // Not the app's fault, and one line is enough: it is answered 503 (below).
    unavailable.add(request);
    reopenIfReadOnly(error);
    console.error(`[db] unavailable ${describeDatabaseError(error)}`);
    return;
  }
  console.error(error);
};

/** When a 503 for an unavailable database asks the client to come back. */
const RETRY_AFTER_SECONDS = "30";

/** Requests that failed because the database could not serve them (app/db/unavailable.ts). */
const unavailable = new WeakSet<Request>();

/**
 * The database is down, full or read-only: a 503 that says so and when to
 * try again, instead of "something went wrong". A page of its own, with no
 * script: the app's layout needs the database too.
 */
function databaseUnavailable(request: Request, headers: Headers) {
  const nonce = randomBytes(16).toString("base64");
  headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce }, framingOf(request.url)));
  headers.set("Cache-Control", "no-store");
  headers.set("Retry-After", RETRY_AFTER_SECONDS);
  const sending = request.method !== "GET" && request.method !== "HEAD";
  return new Response(unavailablePage(sending), { status: 503, statusText: "Service Unavailable", headers });
}

/** Remix's data requests get the same headers as pages, and the same 503 when the database is unavailable. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  addSecurityHeaders(response.headers, framingOf(request.url));
  if (!unavailable.has(request)) return response;
  response.headers.set("Retry-After", RETRY_AFTER_SECONDS);
  return new Response(response.body, { status: 503, statusText: "Service Unavailable", headers: response.headers });
}
