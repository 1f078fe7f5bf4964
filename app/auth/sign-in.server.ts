// Starting and ending sessions from the sign-in, sign-up and sign-out actions.
import { redirect } from "@remix-run/node";
import {
  createSession,
  generateSessionToken,
  invalidateSession,
  sessionCookie,
  blankSessionCookie,
} from "~/auth/sessions.server";
import { getSession } from "~/auth/guards.server";

export async function startSession(request: Request, userId: string, redirectTo: string) {
  const token = generateSessionToken();
  const session = await createSession(token, userId, request.headers.get("User-Agent"));
  return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie(token, session.expiresAt) } });
}

export async function endSession(request: Request) {
  const session = await getSession(request);
  if (session) await invalidateSession(session.id);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie() } });
}
