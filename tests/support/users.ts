// Accounts and signed-in requests for integration tests, made directly in the database.
import { createSession, generateSessionToken } from "~/auth/sessions.server";
import type { Role } from "~/model/roles";
import { db } from "~/db.server";

let made = 0;

export async function userWithSession(role: Role, fields: { email?: string; displayName?: string } = {}) {
  made++;
  const user = await db.user.create({
    data: {
      email: fields.email ?? `${role}-${made}-${Date.now()}@example.com`,
      displayName: fields.displayName ?? `${role} ${made}`,
      role,
    },
  });
  const token = generateSessionToken();
  await createSession(token, user.id);
  return { user, token, cookie: `aw_session=${token}` };
}

export const ORIGIN = "http://localhost";

/** A request as the site's own pages send it. */
export function siteRequest(
  path: string,
  init: { method?: string; cookie?: string; form?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { Origin: ORIGIN, Host: "localhost" };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  return new Request(`${ORIGIN}${path}`, {
    method: init.method ?? (init.form ? "POST" : "GET"),
    headers,
    body: init.form ? new URLSearchParams(init.form) : undefined,
  });
}
