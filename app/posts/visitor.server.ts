// Who is posting, as far as the server can tell: a signed-in account, a
// guest's signed cookie, and a keyed hash of the address the production
// server saw (scripts/server.js; behind a proxy, with TRUST_PROXY=1).
import { createHmac } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { type GuestIdentity, formShownCookie, readCookie, readGuest } from "~/security/cookies.server";
import type { Visitor } from "~/posts/intake.server";
import { config } from "~/config.server";

/** A keyed hash of the client's address, or null when it is not known. */
export function addressHashOf(clientAddress: string | null | undefined) {
  return clientAddress ? hashAddress(clientAddress) : null;
}

function hashAddress(address: string) {
  const salt = config().SESSION_SECRET ?? "afterword-address";
  return createHmac("sha256", salt).update(address).digest("base64url").slice(0, 22);
}

export async function readVisitor(
  request: Request,
  context?: AppLoadContext,
): Promise<Visitor & { guest: GuestIdentity | null }> {
  const user = await getUser(request);
  const guest = user ? null : await readGuest(request);
  const shown = await readCookie<{ t: number }>(request, formShownCookie);
  return {
    userId: user?.id ?? null,
    role: user?.role ?? null,
    guestKey: guest?.key ?? null,
    guest,
    ipHash: addressHashOf(context?.clientAddress),
    formShownAt: shown && typeof shown.t === "number" ? shown.t : null,
  };
}
