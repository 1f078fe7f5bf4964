// Who may do what is a role on the account, checked on the server by
// requireRole (app/auth/guards.server.ts) in every staff loader and action.
export const ROLES = ["reader", "author", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Staff posts publish at once and skip the reader's spam checks. */
export function isStaff(role: string | null | undefined): boolean {
  return role === "author" || role === "moderator" || role === "admin";
}

/** Who may open each staff area: its pages check these with requireRole, in every loader and action. */
export const STAFF = ["author", "moderator", "admin"] as const;
export const AUTHORS = ["author", "admin"] as const;
export const ADMINS = ["admin"] as const;

export type Actor = { id: string; role: string };

/**
 * The one rule for who may act on an article (moderate its posts, answer in
 * it, read its audit trail): moderators and admins on every article, an
 * author on the articles they wrote, nobody else.
 */
export function mayActOnArticle(actor: Actor, articleAuthorId: string | null): boolean {
  if (actor.role === "moderator" || actor.role === "admin") return true;
  return actor.role === "author" && articleAuthorId === actor.id;
}

/** The same rule as a `where` on an article, so that ownership sits in the query: undefined where every article is open. */
export function articlesOf(actor: Actor): { authorId: string } | undefined {
  return actor.role === "moderator" || actor.role === "admin" ? undefined : { authorId: actor.id };
}
/** Who keeps the bans and sees writers' histories: moderators and admins (authors do not). */
export const MODERATORS_AND_ADMINS = ["moderator", "admin"] as const;
export const keepsBans = (actor: Actor) => (MODERATORS_AND_ADMINS as readonly string[]).includes(actor.role);
