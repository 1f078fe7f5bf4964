// The guards every staff loader and action calls: they throw, so a route
// cannot forget to stop. A person who is not signed in is sent to sign in
// (the sign-in page itself is never guarded, so there is no loop); a signed-in
// person without the role gets a plain 403 page.
import { redirect } from "@remix-run/node";
import type { Role } from "~/model/roles";
import { type SessionUser, type ValidSession, readSessionToken, validateSessionToken } from "~/auth/sessions.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { intentOf, readForm } from "~/utils/form.server";

const sessionsByRequest = new WeakMap<Request, Promise<ValidSession | null>>();

/** The request's session, validated once per request however many loaders ask. */
export function getSession(request: Request): Promise<ValidSession | null> {
  let session = sessionsByRequest.get(request);
  if (!session) {
    const token = readSessionToken(request);
    session = token ? validateSessionToken(token) : Promise.resolve(null);
    sessionsByRequest.set(request, session);
  }
  return session;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

/** The longest address a sign-in sends a visitor back to, query and all; past it, the page without its query. */
export const MAX_RETURN_LENGTH = 1000;

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  // A Location header of many kilobytes is more than a proxy's buffer takes (nginx answers 502).
  const back = url.pathname + url.search;
  const kept = back.length <= MAX_RETURN_LENGTH ? back : url.pathname.slice(0, MAX_RETURN_LENGTH);
  return redirect(`/login?redirectTo=${encodeURIComponent(kept)}`);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role as Role)) {
    throw new Response("Your account does not have access to this page.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/**
 * A staff page's form post, checked in the one order every such action needs:
 * from this site, by someone with the role, naming one of the page's intents.
 */
export async function requireStaffForm<Intent extends string>(
  request: Request,
  roles: readonly Role[],
  intents: readonly Intent[],
) {
  requireSameOrigin(request);
  const actor = await requireRole(request, roles);
  const form = await readForm(request);
  return { actor, form, intent: intentOf(form, intents) };
}

/**
 * A path on this site to return to after signing in; anything else goes home.
 * Browsers drop tabs and newlines inside URLs and read "\\" as "/", so
 * "/\t/evil.test" is "//evil.test", another site: such characters refuse the
 * target outright, and what is left must resolve to this site.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  if ([...to].some((c) => c < " " || c === "\u007f" || c === "\\")) return fallback;
  const base = "http://afterword.invalid";
  try {
    const url = new URL(to, base);
    // Re-serialised, so that the Location header holds only characters a header may hold.
    return url.origin === base ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}
