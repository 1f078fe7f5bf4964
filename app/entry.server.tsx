// Renders every page to a string once its data is ready (Afterword's loaders
// defer nothing, so streaming would gain nothing). A page made only of data
// every reader shares is rendered without a nonce and kept, compressed, for
// the production server to send as it is (app/articles/page-cache.server.ts).
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import {
  KEEP_TOKENS,
  PERSONAL_CACHE_CONTROL,
  PRIVATE_REVALIDATE,
  isShareable,
  keepPage,
  keepsAt,
  keptPageHeaders,
  reusableThreads,
} from "~/articles/page-cache.server";
import { unavailablePage } from "~/db/unavailable-page";
import { withoutUnwrittenTail } from "~/utils/react-chunks";
import { describeDatabaseError, isDatabaseUnavailable } from "~/db/unavailable";
import { reopenIfReadOnly } from "~/db.server";
import { addSecurityHeaders, contentSecurityPolicy } from "~/security/headers.server";
import { NonceContext } from "~/security/nonce";
import { ReusedThreads, SpliceMarks } from "~/components/splice-mark";

// Used by scripts/server.js, which checks requests before Remix sees them.
export {
  isSameOrigin,
  headersForRemix,
  OPEN_POST_PATHS as openPostPaths,
  CROSS_SITE_MESSAGE as crossSiteMessage,
} from "~/security/same-origin.server";
export { startMailSender } from "~/mail/sender.server";
export { articlesChanged, serveSharedPage } from "~/articles/page-cache.server";
export { listenForChanges } from "~/articles/change-feed.server";
export { servePersonalPage } from "~/articles/personal-page.server";
export { addSecurityHeaders } from "~/security/headers.server";
export { config, configProblems } from "~/config.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the production server sees it (behind TRUST_PROXY=1, the proxy's word). */
    clientAddress?: string | null;
    /** Runs `work` once the answer has gone out (the production server); work that must not slow the answer. */
    afterResponse?: (work: () => void) => void;
  }
}

const ABORT_DELAY = 5_000;
const production = process.env.NODE_ENV === "production";

function render(
  request: Request,
  context: EntryContext,
  nonce: string,
  marks: string | null = null,
  reused: ReadonlySet<number> | null = null,
): Promise<{ html: string; failed: boolean }> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(withoutUnwrittenTail(Buffer.from(chunk)));
        done();
      },
      final(done) {
        clearTimeout(timer);
        resolve({ html: Buffer.concat(chunks).toString("utf8"), failed });
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <SpliceMarks.Provider value={marks}>
          <ReusedThreads.Provider value={reused}>
            <RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </ReusedThreads.Provider>
        </SpliceMarks.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          pipe(sink);
        },
        onShellError(error) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error) {
          failed = true;
          console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  addSecurityHeaders(responseHeaders);
  if (unavailable.has(request)) return databaseUnavailable(request, responseHeaders);
  const { matches, loaderData } = remixContext.staticHandlerContext;
  const data = matches.map((match) => loaderData[match.route.id]).filter((d) => d !== undefined);
  const answersAction = remixContext.staticHandlerContext.actionData !== null;
  const keepable =
    !answersAction &&
    responseStatusCode === 200 &&
    request.method === "GET" &&
    data.length > 0 &&
    data.every(isShareable) &&
    keepsAt(data[data.length - 1] as object, new URL(request.url));
  if (keepable) {
    // The same bytes for every reader: no nonce in them (their CSP names their inline scripts' hashes).
    // Rendered with marks where a reader's own parts go, and a stand-in nonce, taken out of those bytes.
    // Threads unchanged since the page kept before are not rendered again: their kept bytes go back in.
    const shared = data[data.length - 1] as object;
    const reuse = reusableThreads(shared);
    let { html, failed } = await render(request, remixContext, KEEP_TOKENS.nonce, KEEP_TOKENS.mark, reuse.ids);
    let whole = failed ? null : reuse.putBack(html);
    let reused = reuse.ids?.size ?? 0;
    if (!failed && whole === null) {
      ({ html, failed } = await render(request, remixContext, KEEP_TOKENS.nonce, KEEP_TOKENS.mark));
      whole = html;
      reused = 0;
    }
    if (!failed && whole !== null) {
      const page = keepPage(shared, whole, loaderData);
      keptPageHeaders(page).forEach((value, name) => responseHeaders.set(name, value));
      if (responseHeaders.has("Set-Cookie")) responseHeaders.set("Cache-Control", PRIVATE_REVALIDATE);
      responseHeaders.set("X-Page-Cache", "miss");
      responseHeaders.set("X-Threads-Reused", String(reused));
      return new Response(new Uint8Array(page.plain), { status: responseStatusCode, headers: responseHeaders });
    }
  }
  // A page for this reader alone: its own nonce, and never stored by a shared cache.
  const nonce = randomBytes(16).toString("base64");
  if (production) responseHeaders.set("Content-Security-Policy", contentSecurityPolicy({ nonce }));
  responseHeaders.set("Cache-Control", PERSONAL_CACHE_CONTROL);
  const { html, failed } = await render(request, remixContext, nonce);
  return new Response(html, { status: failed ? 500 : responseStatusCode, headers: responseHeaders });
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
  if (production) headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce }));
  headers.set("Cache-Control", "no-store");
  headers.set("Retry-After", RETRY_AFTER_SECONDS);
  const sending = request.method !== "GET" && request.method !== "HEAD";
  return new Response(unavailablePage(sending), { status: 503, statusText: "Service Unavailable", headers });
}

/** Remix's data requests get the same headers as pages, and the same 503 when the database is unavailable. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  addSecurityHeaders(response.headers);
  if (!unavailable.has(request)) return response;
  response.headers.set("Retry-After", RETRY_AFTER_SECONDS);
  return new Response(response.body, { status: 503, statusText: "Service Unavailable", headers: response.headers });
}
