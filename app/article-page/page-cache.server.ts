// The article page for readers with nothing personal on it (most of them) is
// the same for everyone until something on the article changes, so it is made
// once per version and then served like a file (docs/decisions/0006):
//
// 1. Its data is kept in memory under the article's version (its change time,
//    the newest change to its published posts and their number, and the newest
//    change to any account). An
//    instance trusts the version it read for VERSION_CHECK_MS (250 ms by
//    default), so a write on any instance shows on every instance within that.
// 2. entry.server.tsx renders the page once for that data, with no per-response
//    value in it: its Content-Security-Policy allows its inline scripts by their
//    hashes, computed here once. The bytes are kept with their gzip and brotli
//    compressions and a strong ETag.
// 3. scripts/server.js asks `serveSharedPage` before Remix sees the request: a
//    kept page of the current version is sent as it is (or 304), without
//    Remix, React or any compression at request time.
import { createHash, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import {
  type ArticleListing,
  type ArticlePage,
  type ArticlePageQuery,
  loadArticleListing,
} from "~/articles/article-page.server";
import { SharedEncoding } from "~/article-page/hydration-data";
import { REACT_TEXT_SEPARATOR } from "~/article-page/internals";
import { type PageTemplate, cutTemplate, markPattern, sharedBytes, threadOf } from "~/article-page/page-template";
import { isPersonalCookieHeader } from "~/auth/visitor.server";
import { config } from "~/config.server";
import { currentVersion, onArticlesChanged } from "~/articles/versions.server";
import { addSecurityHeaders, contentSecurityPolicy, framingOf } from "~/security/headers.server";

/**
 * Shared page data by address, with the version it was read at. Change times
 * have millisecond resolution, so two writes in the same millisecond with a
 * read between them would leave the version unchanged: entries are read again
 * after a minute whatever the version says, which bounds that rare staleness.
 */
const entries = new LRUCache<string, { version: string; value: object }>({ max: 500, ttl: 60_000 });
const shared = new WeakSet<object>();

/**
 * The value for `key` at `version`, computed by `compute` only when the
 * version moved on. The value is marked as shared by every reader. Null
 * results (not found) are not kept.
 */
export async function cachedByVersion<T extends object>(
  key: string,
  version: string,
  compute: () => Promise<T | null>,
): Promise<T | null> {
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = await compute();
  if (value === null) return null;
  entries.set(key, { version, value });
  shared.add(value);
  return value;
}

export type SharedListing = {
  listing: ArticleListing;
  /** The article page's data for a reader with nothing personal on it. */
  shared: ArticlePage & { replyTo: null; askSection: "suggest"; guestName: null };
};

/** One page of an article's questions at `version`, read once and shared by every request for it. */
export function sharedListing(slug: string, query: Required<ArticlePageQuery>, version: string) {
  const key = `${slug}?${query.sort}&${query.page}&${query.section ?? ""}`;
  return cachedByVersion<SharedListing>(key, version, async () => {
    const listing = await loadArticleListing(slug, query);
    if (!listing) return null;
    const shared = shareable({ ...listing.page, replyTo: null, askSection: "suggest" as const, guestName: null });
    listings.set(shared, listing);
    return { listing, shared };
  });
}
/** The listing each shared page's data was made from, so that a reader's page can be made from it too. */
const listings = new WeakMap<object, ArticleListing>();

/** Marks a loader result as the same for every reader, so a page made of such results may be reused. */
export function shareable<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

export function isShareable(value: unknown): boolean {
  return typeof value === "object" && value !== null && shared.has(value);
}

// ------------------------------------------------------------------ addresses

// The article page, and its questions as another site's frame shows them (app/routes/embed.articles.$slug.tsx).
const ARTICLE_PAGE = /^(?:\/embed)?\/articles\/([a-z0-9][a-z0-9-]*)$/;
/** The query parameters the shared article page reads, in the order its one address spells them. */
const SHARED_PARAMS = ["section", "sort", "page"] as const;
/** Parameters that make a page personal (a reply form opened, a section chosen to ask about). */
const PERSONAL_PARAMS = ["replyto", "ask"];

/**
 * The one address of a shared article page: its known parameters in one
 * order, nothing else. Null for anything that is not a shared article page.
 */
export function sharedPageAddress(url: URL): { slug: string; key: string } | null {
  const match = ARTICLE_PAGE.exec(url.pathname);
  if (!match) return null;
  if (PERSONAL_PARAMS.some((name) => url.searchParams.has(name))) return null;
  const query = new URLSearchParams();
  for (const name of SHARED_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null && value !== "") query.set(name, value);
  }
  const search = query.size ? `?${query}` : "";
  return { slug: match[1], key: `${url.pathname}${search}` };
}

// ------------------------------------------------------------------ kept pages

export type KeptPage = {
  version: string;
  etag: string;
  csp: string;
  /** A page shown in other sites' frames (under /embed/). */
  frame: boolean;
  plain: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** What every answer from it carries, worked out once. */
  headers: Record<string, string>;
  keptAt: number;
  /** The page cut where a reader's own parts go, and the listing it shows (app/article-page/personal-page.server.tsx). */
  template: PageTemplate | null;
  listing: ArticleListing | null;
  /** The loader data it shows (by route id), and its hydration data cut where a reader's differs. */
  loaderData: Record<string, unknown>;
  encoding: SharedEncoding | null;
};

/**
 * A kept page is rendered with marks where a reader's own parts go and a
 * stand-in nonce on its scripts (app/article-page/page-template.ts); neither is
 * in the bytes anyone gets. Random per process, so no text a reader writes can
 * pass for one.
 */
export const KEEP_TOKENS = { mark: randomBytes(9).toString("hex"), nonce: randomBytes(9).toString("hex") };

/** The page kept at this address, whatever its version. */
export function keptPage(key: string): KeptPage | undefined {
  return pages.get(key);
}

/** The kept pages by address, the 200 most recently read. */
const pages = new LRUCache<string, KeptPage>({ max: 200 });
// Something a page shows changed: the next reader of each kept page gets it rendered anew rather than kept.
onArticlesChanged(() => {
  refreshing.clear();
  for (const page of pages.values()) page.keptAt = 0;
});
/**
 * Pages being rendered again for a newer version, since when. Meanwhile other
 * readers get the page as it was: a burst of writes costs one render at a
 * time rather than one per reader waiting.
 */
const refreshing = new Map<string, number>();
/** After this long a render that never came back (an error) no longer holds readers on the old page. */
const REFRESH_WAIT_MS = 5_000;
const pageAddress = new WeakMap<object, { key: string; version: string }>();

/** Says which address and version a shared loader result is the page of, so that its render can be kept. */
export function sharedPage<T extends object>(data: T, address: { key: string; version: string }): T {
  pageAddress.set(data, address);
  return data;
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The hashes of a page's inline scripts, as a CSP lists them ('sha256-…'). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** Whether a render of `data` at `url` is the shared page at its one address, and so one to keep. */
export function keepsAt(data: object, url: URL): boolean {
  return pageAddress.get(data)?.key === url.pathname + url.search;
}

/**
 * Keeps the HTML rendered for `data` (a shared page at its one address, see
 * keepsAt) with KEEP_TOKENS' marks and nonce: its shared bytes with their
 * compressions, ETag and hash-based CSP, and the template of a reader's page.
 */
export function keepPage(data: object, marked: string, loaderData: Record<string, unknown>): KeptPage {
  const address = pageAddress.get(data)!;
  const html = sharedBytes(marked, KEEP_TOKENS.mark, KEEP_TOKENS.nonce);
  const plain = Buffer.from(html, "utf8");
  const etag = `"${createHash("sha256").update(address.version).update(plain).digest("base64url").slice(0, 32)}"`;
  const framing = framingOf(address.key);
  const csp = contentSecurityPolicy({ scriptHashes: inlineScriptHashes(html) }, framing);
  const page: KeptPage = {
    version: address.version,
    etag,
    csp,
    frame: framing.frame,
    headers: Object.fromEntries(keptPageHeaders({ etag, csp, frame: framing.frame })),
    keptAt: Date.now(),
    template: cutTemplate(marked, KEEP_TOKENS.mark, KEEP_TOKENS.nonce),
    listing: listings.get(data) ?? null,
    loaderData,
    encoding: sharedEncoding(loaderData, data),
    plain,
    gzip: gzipSync(plain, { level: 6 }),
    br: brotliCompressSync(plain, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
    }),
  };
  pages.set(address.key, page);
  refreshing.delete(address.key);
  return page;
}

/** The hydration data of a kept page, ready for a reader's own (null: not plain data, no reader's page from it). */
function sharedEncoding(loaderData: Record<string, unknown>, page: object) {
  const root = loaderData.root;
  const threads = (page as { threads?: unknown }).threads;
  if (typeof root !== "object" || root === null || !Array.isArray(threads)) return null;
  try {
    return new SharedEncoding({ loaderData, actionData: null, errors: null }, [root, page, threads]);
  } catch {
    return null;
  }
}

/**
 * The threads of a shared page about to be kept that are the same as in the
 * page kept before at its address (the same data: a new version of the page
 * mostly changes one thread, or none), and how to put their kept bytes back
 * into a render that left them out. `putBack` gives null when the render is
 * not as expected; it is then rendered whole.
 */
export function reusableThreads(data: object): {
  ids: ReadonlySet<number> | null;
  putBack: (marked: string) => string | null;
} {
  const none = { ids: null, putBack: (marked: string) => marked };
  const address = pageAddress.get(data);
  const before = address && pages.get(address.key);
  const threads = (data as { threads?: { id: number }[] }).threads;
  if (config().PAGE_SPLICE === "0" || !before?.template || !before.listing || !Array.isArray(threads)) return none;
  const kept = new Map<number, string>();
  for (const part of before.template.parts)
    if ("region" in part && part.region.startsWith("thread:"))
      kept.set(Number(part.region.slice(7)), part.piece.plain.toString());
  const old = new Map(before.listing.page.threads.map((thread) => [thread.id, thread]));
  const ids = new Set<number>();
  for (const thread of threads) {
    const was = old.get(thread.id);
    if (was && kept.has(thread.id) && (was === thread || JSON.stringify(was) === JSON.stringify(thread)))
      ids.add(thread.id);
  }
  if (ids.size === 0) return none;
  const mark = markPattern(KEEP_TOKENS.mark);
  return {
    ids,
    putBack(marked) {
      let ok = true;
      let out = "";
      let last = 0;
      let reusing: number | null = null;
      const close = (end: number) => {
        const content = marked.slice(last, end);
        if (reusing === null) out += content;
        // Left out, the thread's place is empty; React separates two marks side by side with an empty comment.
        else if (content === "" || content === REACT_TEXT_SEPARATOR) out += kept.get(reusing)!;
        else ok = false;
      };
      for (const match of marked.matchAll(mark)) {
        close(match.index);
        out += match[0];
        const id = threadOf(match[1]);
        reusing = id !== null && ids.has(id) ? id : null;
        last = match.index + match[0].length;
      }
      close(marked.length);
      return ok ? out : null;
    },
  };
}

/** Shared pages may sit in a shared cache briefly, and be served stale while it asks again. */
export function sharedCacheControl() {
  const { SHARED_PAGE_MAX_AGE, SHARED_PAGE_STALE_SECONDS } = config();
  return `public, max-age=0, s-maxage=${SHARED_PAGE_MAX_AGE}, stale-while-revalidate=${SHARED_PAGE_STALE_SECONDS}`;
}

export const PERSONAL_CACHE_CONTROL = "private, no-store";
/** A shared page's bytes with a cookie for one reader: their browser may keep it, no shared cache may. */
export const PRIVATE_REVALIDATE = "private, no-cache";

/** Which of the encodings kept pages come in a client takes, by its Accept-Encoding. */
export function encodingsAccepted(acceptEncoding: string | null): { br: boolean; gzip: boolean } {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const takes = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return { br: takes("br"), gzip: takes("gzip") };
}

/** The encodings a client takes, best first: brotli, then gzip, else the plain bytes; remembered by header. */
export function encodingFor(acceptEncoding: string | null): "br" | "gzip" | null {
  const header = acceptEncoding ?? "";
  let encoding = encodings.get(header);
  if (encoding === undefined) {
    const { br, gzip } = encodingsAccepted(acceptEncoding);
    encoding = br ? "br" : gzip ? "gzip" : "none";
    encodings.set(header, encoding);
  }
  return encoding === "none" ? null : encoding;
}
const encodings = new LRUCache<string, "br" | "gzip" | "none">({ max: 1_000 });

function matchesEtag(ifNoneMatch: string | null, etag: string) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** The headers every answer from a kept page carries (also on the render that keeps it). */
export function keptPageHeaders(page: Pick<KeptPage, "etag" | "csp" | "frame">): Headers {
  const headers = new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": page.csp,
    ETag: page.etag,
    "Cache-Control": sharedCacheControl(),
    Vary: "Accept-Encoding",
  });
  addSecurityHeaders(headers, page);
  return headers;
}

export type SharedAnswer = { status: number; headers: Record<string, string>; body: Buffer | null };

/**
 * What scripts/server.js sends for a request before Remix sees it: a kept page
 * of the current version (or 304 Not Modified), a 301 to the page's one
 * address, or null for Remix to answer (a personal request, a page not kept yet
 * or of an older version, anything that is not a shared article page).
 */
export async function serveSharedPage(request: {
  method: string;
  url: string;
  header: (name: string) => string | null;
}): Promise<SharedAnswer | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const address = addressOf(request.url);
  if (!address) return null;
  if (isPersonalCookieHeader(request.header("Cookie"))) return null;
  if (!address.canonical) {
    // One address per page: the same page is never kept twice, whatever order or extra parameters a link has.
    return { status: 301, headers: { Location: address.key, "Cache-Control": "public, max-age=3600" }, body: null };
  }
  const page = pages.get(address.key);
  if (!page) return null;
  let state: "hit" | "stale" = "hit";
  if ((await currentVersion(address.slug)) !== page.version) {
    const since = refreshing.get(address.key);
    // At most one render of a page per version check, however fast the writes come.
    const young = Date.now() - page.keptAt < config().VERSION_CHECK_MS;
    if (!young && (since === undefined || Date.now() - since > REFRESH_WAIT_MS)) {
      // This reader's request renders the new version (through Remix), which keeps it.
      refreshing.set(address.key, Date.now());
      return null;
    }
    state = "stale";
  }
  if (matchesEtag(request.header("If-None-Match"), page.etag)) {
    const headers: Record<string, string> = { ...page.headers, "x-page-cache": state };
    delete headers["content-security-policy"];
    return { status: 304, headers, body: null };
  }
  return answerOf(page, encodingFor(request.header("Accept-Encoding")), state);
}

/** The answers a kept page gives, by encoding and state, made once: the hot path sends one as it is. */
const answers = new WeakMap<KeptPage, Map<string, SharedAnswer>>();
function answerOf(page: KeptPage, encoding: "br" | "gzip" | null, state: "hit" | "stale"): SharedAnswer {
  let made = answers.get(page);
  if (!made) answers.set(page, (made = new Map()));
  const key = `${encoding}|${state}`;
  let answer = made.get(key);
  if (!answer) {
    const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.plain;
    const headers: Record<string, string> = { ...page.headers, "x-page-cache": state };
    if (encoding) headers["content-encoding"] = encoding;
    headers["content-length"] = String(body.length);
    answer = { status: 200, headers, body };
    made.set(key, answer);
  }
  return answer;
}

/** A request target's shared page address, and whether it is that address as spelled; remembered by target. */
const addresses = new LRUCache<string, { slug: string; key: string; canonical: boolean } | { none: true }>({
  max: 10_000,
});
export function addressOf(target: string) {
  let known = addresses.get(target);
  if (!known) {
    const url = new URL(target, "http://localhost");
    const address = sharedPageAddress(url);
    known = address ? { ...address, canonical: url.pathname + url.search === address.key } : { none: true };
    addresses.set(target, known);
  }
  return "none" in known ? null : known;
}
