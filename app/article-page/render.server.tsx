// The article page's door: everything that makes it fast is behind the few
// functions here, and nothing outside app/article-page/ knows of kept bytes,
// splicing, hydration data or which loader results are shared.
//
// - `serveArticlePage`: what scripts/server.js sends for an article page
//   before Express and Remix see it: the kept page, shared by every reader
//   with nothing personal (page-cache.server.ts), or a reader's own page made
//   from it (personal-page.server.tsx); null leaves the request to Remix.
// - `renderDocument`: how app/entry.server.tsx renders any page to HTML; a
//   page made only of data every reader shares is kept on the way.
// - `shareable`, `sharedArticlePage`: how loaders say what every reader shares.
// The Remix and React details all this depends on are in internals.ts, with a
// test that names any that an upgrade changed (internals.test.ts).
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import {
  KEEP_TOKENS,
  PERSONAL_CACHE_CONTROL,
  PRIVATE_REVALIDATE,
  type SharedAnswer,
  isShareable,
  keepPage,
  keepsAt,
  keptPageHeaders,
  reusableThreads,
  serveSharedPage,
} from "~/article-page/page-cache.server";
import { servePersonalPage } from "~/article-page/personal-page.server";
import { withoutUnwrittenTail } from "~/article-page/react-chunks";
import { LeftOutThreads, RegionMarks } from "~/components/page-regions";
import { contentSecurityPolicy, framingOf } from "~/security/headers.server";
import { NonceContext } from "~/security/nonce";

export {
  shareable,
  sharedListing,
  sharedPage,
  sharedPageAddress,
  type SharedListing,
} from "~/article-page/page-cache.server";

export type ArticlePageRequest = { method: string; url: string; header: (name: string) => string | null };

/** An article page sent without Remix: the kept shared page, or this reader's own made from it; else null. */
export async function serveArticlePage(request: ArticlePageRequest): Promise<SharedAnswer | null> {
  return (await serveSharedPage(request)) ?? (await servePersonalPage(request));
}

const ABORT_DELAY = 5_000;

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
        <RegionMarks.Provider value={marks}>
          <LeftOutThreads.Provider value={reused}>
            <RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </LeftOutThreads.Provider>
        </RegionMarks.Provider>
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

/**
 * Any page as HTML, once its data is ready. A page made only of data every
 * reader shares, at its one address, is rendered once and kept (its bytes
 * shared, and cut where a reader's own parts go); any other page is rendered
 * for this reader alone, with its own nonce.
 */
export async function renderDocument(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
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
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy({ nonce }, framingOf(request.url)));
  responseHeaders.set("Cache-Control", PERSONAL_CACHE_CONTROL);
  const { html, failed } = await render(request, remixContext, nonce);
  return new Response(html, { status: failed ? 500 : responseStatusCode, headers: responseHeaders });
}
