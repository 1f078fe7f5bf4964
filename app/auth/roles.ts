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
