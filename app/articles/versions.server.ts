// The version of what an article's pages show, read in one small query and
// trusted for VERSION_CHECK_MS: what is kept of an article (its page, its
// suggestions) is kept under it, and used again only while it holds. A write
// on this instance (scripts/server.js) or on another (the PostgreSQL change
// feed, app/articles/change-feed.server.ts) says so at once: `articlesChanged`
// drops the versions read, and tells whatever keeps anything of articles.
import { LRUCache } from "lru-cache";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";

/**
 * The version of everything an article's shared pages show: the article, its
 * published posts (the newest change among them, and how many there are, so
 * that one leaving moves it too), its readers' marks and the accounts' names.
 * A post awaiting moderation is not on them, so it does not move the version
 * (a guest's question does not make every reader's page be rendered again).
 * One small query, answered from indexes; the article by its slug or its id.
 */
export async function articleVersion(article: string | { id: string }): Promise<string | null> {
  // One of the two is null, and a comparison with null is never true: the row by whichever is given.
  const slug = typeof article === "string" ? article : null;
  const id = typeof article === "string" ? null : article.id;
  return stampOf(
    await db.$queryRaw<VersionRow[]>`
      SELECT a."id" AS id, a."updatedAt" AS article, a."marksChangedAt" AS marks,
        (SELECT MAX(p."updatedAt") FROM "Post" p WHERE p."articleId" = a."id" AND p."status" = ${VISIBLE_STATUS}) AS posts,
        (SELECT COUNT(*) FROM "Post" p WHERE p."articleId" = a."id" AND p."status" = ${VISIBLE_STATUS}) AS shown,
        (SELECT MAX(u."updatedAt") FROM "User" u) AS users
      FROM "Article" a WHERE a."slug" = ${slug} OR a."id" = ${id}`,
  );
}

type VersionRow = { id: string; article: unknown; marks: unknown; posts: unknown; shown: unknown; users: unknown };

function stampOf(rows: VersionRow[]): string | null {
  const row = rows[0];
  if (!row) return null;
  const stamp = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ""));
  return `${stamp(row.article)}|${stamp(row.marks)}|${stamp(row.posts)}|${stamp(row.shown)}|${stamp(row.users)}`;
}

/** The versions this instance has read, each trusted for VERSION_CHECK_MS (a read in flight is shared). */
let versions: LRUCache<string, { version: string | null }> | null = null;
function versionCache() {
  versions ??= new LRUCache<string, { version: string | null }>({
    max: 500,
    // lru-cache reads a ttl of 0 as "for ever"; 0 here means "read every time".
    ttl: Math.max(1, config().VERSION_CHECK_MS),
    fetchMethod: async (slug) => ({ version: await articleVersion(slug) }),
  });
  return versions;
}

/**
 * Something an article page shows has changed (a post this instance took, or
 * any instance's write on PostgreSQL): versions are read again, and everything
 * kept of articles is told (onArticlesChanged), so that a post shows at once.
 */
export function articlesChanged() {
  versions?.clear();
  for (const forget of changeListeners) forget();
}

const changeListeners = new Set<() => void>();

/** Calls `forget` whenever articlesChanged is: for what an instance keeps of what articles show. */
export function onArticlesChanged(forget: () => void) {
  changeListeners.add(forget);
}

/** The article's version as this instance last read it, read again once it is VERSION_CHECK_MS old. */
export async function currentVersion(slug: string): Promise<string | null> {
  // A version read within VERSION_CHECK_MS, at the cost of a lookup (most requests); else read, or the read in
  // flight. A failed read is not kept, and one dropped by articlesChanged while in flight is read again here.
  const known =
    versionCache().get(slug) ??
    (await versionCache()
      .fetch(slug)
      .catch(() => undefined));
  return known ? known.version : articleVersion(slug);
}
