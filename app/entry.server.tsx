// Renders every page to a string once its data is ready (Afterword's loaders
// defer nothing, so streaming would gain nothing), and keeps the HTML of
// pages made only of data every reader shares, so that the next reader of
// the same version gets it without rendering (app/articles/page-cache.server.ts).
import { Writable } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { CachedPage, isShareable, rememberRendered } from "~/articles/page-cache.server";

const ABORT_DELAY = 5_000;
const encoder = new TextEncoder();

function render(request: Request, context: EntryContext): Promise<{ html: string; failed: boolean }> {
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
      <RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} />,
      {
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
  const { matches, loaderData } = remixContext.staticHandlerContext;
  const data = matches.map((match) => loaderData[match.route.id]).filter((d) => d !== undefined);
  const cached = data.find((d): d is CachedPage => d instanceof CachedPage);
  if (cached) {
    // The loader only stands a kept page in for pages with nothing personal on them.
    if (!data.every(isShareable)) throw new Error("a kept page was offered for a personal request");
    responseHeaders.set("X-Page-Cache", "hit");
    return new Response(cached.html, { status: responseStatusCode, headers: responseHeaders });
  }
  const { html, failed } = await render(request, remixContext);
  if (failed) responseStatusCode = 500;
  const leaf = data[data.length - 1];
  const answersAction = remixContext.staticHandlerContext.actionData !== null;
  if (
    !failed &&
    !answersAction &&
    responseStatusCode === 200 &&
    request.method === "GET" &&
    data.length > 0 &&
    data.every(isShareable)
  ) {
    const url = new URL(request.url);
    rememberRendered(leaf as object, url.pathname + url.search, encoder.encode(html).buffer as ArrayBuffer);
    responseHeaders.set("X-Page-Cache", "miss");
  }
  return new Response(html, { status: responseStatusCode, headers: responseHeaders });
}
