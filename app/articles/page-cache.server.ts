// The article page for readers with nothing personal on it (most of them) is
// the same for everyone until something on the article changes. Three layers:
//
// 1. Its data is kept in memory under a version read from the database on
//    every request (the article's change time and the newest change to any of
//    its posts or to any account). A write on any app instance changes the
//    version, and every instance recomputes on its next request.
// 2. entry.server.tsx keeps the HTML it rendered from each such data object,
//    per URL: the same data renders the same HTML.
// 3. When a browser asks for a page whose HTML is already kept, the loader
//    hands Remix a small `CachedPage` instead of the data, so Remix does not
//    serialise the page's data again only for it to be thrown away. Only for
//    requests that accept HTML: Remix's own data requests always get data.
import { db } from "~/db.server";

type Entry = { version: string; value: object; at: number };

const MAX_ENTRIES = 500;
/**
 * Change times have millisecond resolution, so two writes in the same
 * millisecond with a read between them would leave the version unchanged.
 * Entries are recomputed after this long whatever the version says, which
 * bounds that rare staleness.
 */
const MAX_AGE_MS = 60_000;
const entries = new Map<string, Entry>();
const shared = new WeakSet<object>();
/** A kept page's bytes, in parts between which each response's CSP nonce goes. */
export type KeptHtml = Uint8Array[];
const renderedHtml = new WeakMap<object, Map<string, KeptHtml>>();

/** The version of everything an article's pages show. One small query, answered from indexes. */
export async function articleVersion(slug: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string; article: unknown; posts: unknown; users: unknown }[]>`
    SELECT a."id" AS id, a."updatedAt" AS article,
      (SELECT MAX(p."updatedAt") FROM "Post" p WHERE p."articleId" = a."id") AS posts,
      (SELECT MAX(u."updatedAt") FROM "User" u) AS users
    FROM "Article" a WHERE a."slug" = ${slug}`;
  const row = rows[0];
  if (!row) return null;
  const stamp = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ""));
  return `${stamp(row.article)}|${stamp(row.posts)}|${stamp(row.users)}`;
}

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
  if (hit && hit.version === version && Date.now() - hit.at < MAX_AGE_MS) {
    // Refresh its place so the least recently used entry is the one dropped.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  if (value === null) return null;
  entries.delete(key);
  entries.set(key, { version, value, at: Date.now() });
  shared.add(value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** Marks a loader result as the same for every reader, so a page made of such results may be reused. */
export function shareable<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

export function isShareable(value: unknown): boolean {
  return typeof value === "object" && value !== null && shared.has(value);
}

/** A page whose HTML is already kept, standing in for its data. */
export class CachedPage {
  // Private, so Remix's serialiser sees an empty object rather than the page again.
  readonly #html: KeptHtml;
  constructor(html: KeptHtml) {
    this.#html = html;
    shared.add(this);
  }
  get html() {
    return this.#html;
  }
}

export function rememberRendered(data: object, url: string, html: KeptHtml) {
  let byUrl = renderedHtml.get(data);
  if (!byUrl) renderedHtml.set(data, (byUrl = new Map()));
  // A handful of spellings of one page at most; a crawler inventing query strings cannot grow this without bound.
  if (byUrl.size >= 20) byUrl.clear();
  byUrl.set(url, html);
}

/** The loader's answer for a shared page: its kept HTML when a browser asks for the document, else its data. */
export function sharedPageData<T extends object>(request: Request, data: T): T | CachedPage {
  if (!(request.headers.get("Accept") ?? "").includes("text/html")) return data;
  // After a form post, Remix runs loaders with a GET request carrying the post's headers; that
  // page shows the action's answer, so it is rendered, never kept. A plain GET has no Content-Type.
  if (request.headers.has("Content-Type")) return data;
  const url = new URL(request.url);
  const html = renderedHtml.get(data)?.get(url.pathname + url.search);
  return html ? new CachedPage(html) : data;
}
