// Renders every page to a string once its data is ready (Afterword's loaders
// defer nothing, so streaming would gain nothing), and keeps the HTML of
// pages made only of data every reader shares, so that the next reader of
// the same version gets it without rendering (app/articles/page-cache.server.ts).
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { CachedPage, type KeptHtml, isShareable, rememberRendered } from "~/articles/page-cache.server";
import { addSecurityHeaders, contentSecurityPolicy } from "~/security/headers.server";
import { NonceContext } from "~/security/nonce";

// Used by scripts/server.js, which checks requests before Remix sees them.
export {
  isSameOrigin,
  OPEN_POST_PATHS as openPostPaths,
  CROSS_SITE_MESSAGE as crossSiteMessage,
} from "~/security/same-origin.server";
export { startMailSender } from "~/mail/sender.server";
export { addSecurityHeaders } from "~/security/headers.server";
export { config, configProblems } from "~/config.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the production server sees it (behind TRUST_PROXY=1, the proxy's word). */
    clientAddress?: string | null;
  }
}

const ABORT_DELAY = 5_000;
const encoder = new TextEncoder();
const production = process.env.NODE_ENV === "production";
/**
 * Kept pages are rendered with a slot in place of the nonce, and each response
 * gets its own nonce in the slot. The slot is new for every render and never
 * leaves the server, so no text a reader writes into the page can name it.
 */
function newNonceSlot() {
  return `aw-nonce-slot-${randomBytes(18).toString("hex")}`;
}

/** A kept page's bytes, split where the nonce goes. */
function keep(html: string, slot: string): KeptHtml {
  return html.split(slot).map((part) => encoder.encode(part));
}

function withNonce(kept: KeptHtml, nonce: string): ArrayBuffer {
  const nonceBytes = encoder.encode(nonce);
  const size = kept.reduce((sum, part) => sum + part.length, 0) + nonceBytes.length * (kept.length - 1);
  const out = new Uint8Array(size);
  let at = 0;
  kept.forEach((part, i) => {
    if (i > 0) {
      out.set(nonceBytes, at);
      at += nonceBytes.length;
    }
    out.set(part, at);
    at += part.length;
  });
  return out.buffer;
}

function render(request: Request, context: EntryContext, nonce: string): Promise<{ html: string; failed: boolean }> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(Buffer.from(chunk));
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
        <RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
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
  const nonce = randomBytes(16).toString("base64");
  if (production) responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  const { matches, loaderData } = remixContext.staticHandlerContext;
  const data = matches.map((match) => loaderData[match.route.id]).filter((d) => d !== undefined);
  const cached = data.find((d): d is CachedPage => d instanceof CachedPage);
  if (cached) {
    // The loader only stands a kept page in for pages with nothing personal on them.
    if (!data.every(isShareable)) throw new Error("a kept page was offered for a personal request");
    responseHeaders.set("X-Page-Cache", "hit");
    return new Response(withNonce(cached.html, nonce), { status: responseStatusCode, headers: responseHeaders });
  }
  const answersAction = remixContext.staticHandlerContext.actionData !== null;
  const keepable =
    !answersAction &&
    responseStatusCode === 200 &&
    request.method === "GET" &&
    data.length > 0 &&
    data.every(isShareable);
  const slot = keepable ? newNonceSlot() : nonce;
  const { html, failed } = await render(request, remixContext, slot);
  if (failed) responseStatusCode = 500;
  if (!keepable) return new Response(html, { status: responseStatusCode, headers: responseHeaders });
  const kept = keep(html, slot);
  if (!failed) {
    const url = new URL(request.url);
    rememberRendered(data[data.length - 1] as object, url.pathname + url.search, kept);
    responseHeaders.set("X-Page-Cache", "miss");
  }
  return new Response(withNonce(kept, nonce), { status: responseStatusCode, headers: responseHeaders });
}

/** Remix's data requests get the same headers as pages. */
export function handleDataRequest(response: Response) {
  addSecurityHeaders(response.headers);
  return response;
}
