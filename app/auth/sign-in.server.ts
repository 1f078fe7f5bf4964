// Starting and ending sessions from the sign-in, sign-up and sign-out actions.
import { flashHeaders } from "~/security/cookies.server";
import { redirect } from "@remix-run/node";
import {
  createSession,
  generateSessionToken,
  invalidateSession,
  sessionCookie,
  blankSessionCookie,
} from "~/auth/sessions.server";
import { getSession } from "~/auth/guards.server";

/** Signs the account in and goes to `redirectTo`, with a one-time message there when one is given. */
export async function startSession(request: Request, userId: string, redirectTo: string, message?: string) {
  const token = generateSessionToken();
  const session = await createSession(token, userId, request.headers.get("User-Agent"));
  const headers = new Headers({ "Set-Cookie": sessionCookie(token, session.expiresAt) });
  if (message) headers.append("Set-Cookie", (await flashHeaders(message))["Set-Cookie"]);
  return redirect(redirectTo, { headers });
}

export async function endSession(request: Request, to = "/") {
  const session = await getSession(request);
  if (session) await invalidateSession(session.id);
  return redirect(to, { headers: { "Set-Cookie": blankSessionCookie() } });
}
