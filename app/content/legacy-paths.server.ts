// Old links keep working: an imported article's addresses on its old site,
// and its old comment anchors ("#comment-456"), lead to the page here.
import { normaliseLegacyPath } from "~/content/legacy-paths";
import { db } from "~/db.server";

/** The article an old address names, as its path here; null when none does. */
export async function legacyArticlePath(url: URL): Promise<string | null> {
  const path = normaliseLegacyPath(url.pathname + url.search);
  if (!path) return null;
  const found = await db.legacyPath.findUnique({ where: { path }, select: { article: { select: { slug: true } } } });
  return found ? `/articles/${found.article.slug}` : null;
}

/** Where a comment imported from WordPress or Disqus is now, by the id its old page's anchor carried. */
export async function importedCommentId(slug: string, oldId: string): Promise<number | null> {
  if (!/^\d{1,20}$/.test(oldId)) return null;
  const post = await db.post.findFirst({
    where: { article: { slug }, externalId: { in: [`wordpress:${oldId}`, `disqus:${oldId}`] } },
    select: { id: true },
  });
  return post?.id ?? null;
}
