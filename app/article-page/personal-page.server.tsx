// A signed-in reader's or a guest's article page, made from the page kept for
// everyone (app/article-page/page-cache.server.ts) rather than rendered whole: the
// same bytes a full render would give (a test compares them), at the cost of
// their own parts only.
//
// Their own parts are the header's account links, the forms (their name,
// their account), their questions awaiting moderation and the threads they
// have posts in (theirs marked, their pending replies in place); every other
// thread is the kept page's bytes. The parts are rendered by the page's own
// components (app/components/article-questions.tsx, account-nav.tsx) with
// the data the page's loaders would give (the shared listing with the reader
// added, app/articles/article-page.server.ts), and the page's hydration data
// is that data, encoded as Remix encodes it.
import { createHash, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { StaticRouterProvider, createStaticHandler, createStaticRouter } from "react-router-dom/server";
import { createContext, type ReactNode, useContext } from "react";
import { withViewer } from "~/articles/article-page.server";
import {
  type KeptPage,
  type SharedAnswer,
  PERSONAL_CACHE_CONTROL,
  addressOf,
  encodingsAccepted,
  inlineScriptHashes,
  keptPage,
} from "~/article-page/page-cache.server";
import { currentVersion, onArticlesChanged } from "~/articles/versions.server";
import { type Piece, compressedPiece, gzipPieces, plainPiece, plainPieces } from "~/article-page/gzip-pieces";
import { fillTemplate } from "~/article-page/page-template";
import { ROUTE_IDS } from "~/article-page/internals";
import { headerUser } from "~/moderation/header-user.server";
import { PERSONAL_COOKIES, getVisitor, isPersonalCookieHeader } from "~/auth/visitor.server";
import { AccountNav } from "~/components/account-nav";
import { type ArticlePageData, PendingQuestions, QuestionForms, threadContext } from "~/components/article-questions";
import { PostThread } from "~/components/post-thread";
import { config } from "~/config.server";
import { readerPage } from "~/posts/reader-page.server";
import { FLASH_COOKIE, FORM_SHOWN_COOKIE } from "~/security/cookies.server";
import { addSecurityHeaders, contentSecurityPolicy, framingOf } from "~/security/headers.server";

/** The route ids the article page's data is kept under, as Remix names them. */
const { root: ROOT, article: ARTICLE } = ROUTE_IDS;

const Parts = createContext<ReactNode>(null);
function PartsSlot() {
  return <>{useContext(Parts)}</>;
}
/** The two routes of the article page, enough for its components' hooks (location, loader data, fetchers). */
const routes = [
  {
    id: ROOT,
    path: "/",
    element: <Outlet />,
    children: [{ id: ARTICLE, path: "articles/:slug", element: <PartsSlot /> }],
  },
];
const handler = createStaticHandler(routes);
const WRAP = `x-part-${randomBytes(6).toString("hex")}`;

/**
 * Renders each named part as the page would, under the article page's routes
 * with this data; each part's HTML by name.
 */
async function renderParts(url: URL, loaderData: Record<string, unknown>, parts: Map<string, ReactNode>) {
  const context = await handler.query(new Request(url));
  if (context instanceof Response) throw new Error("the article page's routes did not match");
  context.loaderData = loaderData;
  const router = createStaticRouter(handler.dataRoutes, context);
  const names = [...parts.keys()];
  const html = renderToString(
    <Parts.Provider
      value={names.map((name) => {
        const Wrap = WRAP as unknown as "div";
        return <Wrap key={name}>{parts.get(name)}</Wrap>;
      })}
    >
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </Parts.Provider>,
  );
  const out = new Map<string, string>();
  const pieces = html.split(`</${WRAP}>`);
  names.forEach((name, i) => out.set(name, pieces[i].slice(pieces[i].indexOf(`<${WRAP}>`) + WRAP.length + 2)));
  return out;
}

/**
 * The parts' HTML: the header's links and the forms as rendered before for the
 * same inputs on this kept page (a reader's next pages, or readers alike),
 * else rendered now; pending posts and threads are always rendered now.
 */
async function renderOrRecall(
  kept: KeptPage,
  url: URL,
  loaderData: Record<string, unknown>,
  parts: Map<string, ReactNode>,
  inputs: Record<string, string>,
) {
  let memo = rendered.get(kept);
  if (!memo) rendered.set(kept, (memo = new Map()));
  const known = new Map<string, Piece>();
  const missing = new Map<string, ReactNode>();
  for (const [name, part] of parts) {
    const piece = name in inputs ? memo.get(`${name}:${inputs[name]}`) : undefined;
    if (piece === undefined) missing.set(name, part);
    else known.set(name, piece);
  }
  if (missing.size === 0) return known;
  const fresh = await renderParts(url, loaderData, missing);
  for (const [name, html] of fresh) {
    if (name in inputs && memo.size < MAX_RECALLED) {
      // Kept compressed too: a recalled part costs nothing to send.
      const piece = compressedPiece(html);
      memo.set(`${name}:${inputs[name]}`, piece);
      known.set(name, piece);
    } else known.set(name, plainPiece(html));
  }
  return known;
}
const rendered = new WeakMap<KeptPage, Map<string, Piece>>();
const MAX_RECALLED = 1_000;

/** The keys of `mine` whose values are not those of `shared` (the very same object, or an equal value). */
function changedKeys(shared: Record<string, unknown>, mine: Record<string, unknown>, except: string[] = []) {
  const keys: Record<string, unknown> = {};
  for (const key of Object.keys(mine)) if (!except.includes(key) && mine[key] !== shared[key]) keys[key] = mine[key];
  return keys;
}

const FLASH = new RegExp(`(?:^|;\\s*)${FLASH_COOKIE}=`);

/**
 * A reader's own article page made from the kept page, or null for Remix to
 * render it: no kept page of the current version, a one-time message to show,
 * a reply form or a section opened by the address.
 */
export async function servePersonalPage(request: {
  method: string;
  url: string;
  header: (name: string) => string | null;
}): Promise<SharedAnswer | null> {
  if (config().PAGE_SPLICE === "0") return null;
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const cookie = request.header("Cookie");
  if (!isPersonalCookieHeader(cookie) || FLASH.test(cookie ?? "")) return null;
  const address = addressOf(request.url);
  if (!address?.canonical) return null;
  const kept = keptPage(address.key);
  if (!kept?.template || !kept.listing || !kept.encoding) return null;
  // The version as this instance last read it (at most VERSION_CHECK_MS old). A writer's next page, which
  // carries the message about what they did, is rendered by Remix from a version read afresh.
  if ((await currentVersion(address.slug)) !== kept.version) return null;
  // This reader's page, as made for them before from this kept page (the same cookies, the same encoding).
  const encoding = chosenEncoding(request.header("Accept-Encoding"));
  const key = readerPageKey(cookie, address.key, encoding);
  const made = readerPages.get(key);
  if (made?.kept === kept) return made.again;
  const answer = await renderPersonalPage(kept, new URL(request.url, "http://localhost"), cookie, encoding);
  if (answer) {
    const again = { ...answer, headers: { ...answer.headers, "x-page-cache": "personal-hit" } };
    readerPages.set(key, { kept, answer, again });
  }
  return answer;
}

/**
 * The pages made for readers, by their cookies, address and encoding. One is
 * used again only while its kept page is the one kept (the same version of
 * the article); any write on this instance or another drops them all
 * (onArticlesChanged), so a reader's own post, mark or name shows on their
 * next page. A session ended elsewhere, which is no write to an article, is
 * seen within READER_PAGE_MS.
 */
const READER_PAGE_MS = 60_000;
const readerPages = new LRUCache<string, { kept: KeptPage; answer: SharedAnswer; again: SharedAnswer }>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (made) => (made.answer.body?.length ?? 0) + 2_048,
  ttl: READER_PAGE_MS,
});
onArticlesChanged(() => readerPages.clear());

/** Who the page is for, as a hash of their own cookies' values, with where and how it is sent. */
function readerPageKey(cookie: string | null, address: string, encoding: string | null) {
  const hash = createHash("sha256");
  for (const [name, value] of ownCookies(cookie)) hash.update(`${name}=${value};`);
  return `${address}\n${encoding ?? ""}\n${hash.digest("base64url")}`;
}

const OWN_COOKIES = new Set<string>([...PERSONAL_COOKIES, FORM_SHOWN_COOKIE]);
/** The cookies that make this reader's page theirs, by name, in the order sent. */
function ownCookies(cookie: string | null) {
  const own: [string, string][] = [];
  for (const part of (cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    const name = part.slice(0, at).trim();
    if (at > 0 && OWN_COOKIES.has(name)) own.push([name, part.slice(at + 1).trim()]);
  }
  return own.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Gzip made of the kept page's pieces where the client takes it, else brotli, else none. */
function chosenEncoding(acceptEncoding: string | null): "gzip" | "br" | null {
  const header = acceptEncoding ?? "";
  let chosen = chosenEncodings.get(header);
  if (chosen === undefined) {
    const accepted = encodingsAccepted(acceptEncoding);
    chosen = accepted.gzip ? "gzip" : accepted.br ? "br" : "none";
    chosenEncodings.set(header, chosen);
  }
  return chosen === "none" ? null : chosen;
}
const chosenEncodings = new LRUCache<string, "gzip" | "br" | "none">({ max: 1_000 });

async function renderPersonalPage(
  kept: KeptPage,
  url: URL,
  cookie: string | null,
  encoding: "gzip" | "br" | null,
): Promise<SharedAnswer | null> {
  if (!kept.template || !kept.listing || !kept.encoding) return null;
  const { template, listing } = kept;
  const fetchRequest = new Request(url, { headers: { Cookie: cookie ?? "" } });
  const [visitor, reader] = await Promise.all([getVisitor(fetchRequest), readerPage(fetchRequest)]);
  const [page, user] = await Promise.all([withViewer(listing, reader.viewer), headerUser(visitor.user)]);
  const article: ArticlePageData = { ...page, replyTo: null, askSection: "suggest", guestName: reader.guestName };
  // What the root loader gives without a message: the same object shape for a guest and for an account.
  const loaderData = { [ROOT]: { flash: null, user }, [ARTICLE]: article };

  const parts = new Map<string, ReactNode>();
  if (user) parts.set("nav", <AccountNav user={user} />);
  if (user || article.guestName !== null) parts.set("forms", <QuestionForms data={article} />);
  if (article.pendingQuestions.length > 0) parts.set("pending", <PendingQuestions data={article} />);
  const context = threadContext(article);
  article.threads.forEach((thread, i) => {
    if (thread !== listing.page.threads[i])
      parts.set(`thread:${thread.id}`, <PostThread thread={thread} context={context} />);
  });
  // Every part must have its place in the kept page; else the whole render is the safe answer.
  if ([...parts.keys()].some((name) => name !== "pending" && !template.regions.has(name))) return null;

  const sharedRoot = kept.loaderData[ROOT] as Record<string, unknown>;
  const sharedArticle = kept.loaderData[ARTICLE] as Record<string, unknown>;
  if (Object.keys(article).length !== Object.keys(sharedArticle).length) return null;
  const data = kept.encoding.withChanges([
    { of: sharedRoot, keys: changedKeys(sharedRoot, loaderData[ROOT]) },
    { of: sharedArticle, keys: changedKeys(sharedArticle, article, ["threads"]) },
    {
      of: sharedArticle.threads as object,
      items: new Map(article.threads.flatMap((thread, i) => (parts.has(`thread:${thread.id}`) ? [[i, thread]] : []))),
    },
  ]);
  const own = await renderOrRecall(kept, url, loaderData, parts, {
    // What the header's links and the forms show, beyond the kept page's own data.
    nav: JSON.stringify(user),
    forms: JSON.stringify([user, article.guestName]),
  });
  // Allowed by its inline scripts' hashes rather than a nonce: the same bytes may go to this reader again.
  const pieces = fillTemplate(template, { nonce: randomBytes(16).toString("base64"), data, own });
  const plain = plainPieces(pieces);

  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": PERSONAL_CACHE_CONTROL });
  const framing = framingOf(url);
  addSecurityHeaders(headers, framing);
  headers.set(
    "Content-Security-Policy",
    contentSecurityPolicy({ scriptHashes: inlineScriptHashes(plain.toString()) }, framing),
  );
  const setCookie = reader.headers.get("Set-Cookie");
  if (setCookie) headers.set("Set-Cookie", setCookie);
  headers.set("Vary", "Accept-Encoding");
  headers.set("X-Page-Cache", "personal");
  // Gzip made of the kept page's pieces, compressed when it was kept, and this reader's own, stored as they are
  // (app/article-page/gzip-pieces.ts): nothing is compressed for this response but what only they get, if any.
  // A client that takes brotli but not gzip gets brotli at quality 1 (fast, about as small as gzip's default).
  const body =
    encoding === "gzip"
      ? gzipPieces(pieces)
      : encoding === "br"
        ? brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } })
        : plain;
  if (encoding) headers.set("Content-Encoding", encoding);
  headers.set("Content-Length", String(body.length));
  return { status: 200, headers: Object.fromEntries(headers), body };
}
