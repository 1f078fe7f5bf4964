// Who is posting, as far as the server can tell: an account (with the
// accounts issue), a guest's signed cookie, and a keyed hash of the address
// when a trusted proxy tells us the address (TRUST_PROXY=1).
import { createHmac } from "node:crypto";
import { type GuestIdentity, formShownCookie, readCookie, readGuest } from "~/security/cookies.server";
import type { Visitor } from "~/posts/intake.server";

function clientAddress(request: Request): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  const forwarded = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("X-Real-IP") || null;
}

export function hashAddress(address: string) {
  const salt = process.env.SESSION_SECRET ?? "afterword-address";
  return createHmac("sha256", salt).update(address).digest("base64url").slice(0, 22);
}

export async function readVisitor(request: Request): Promise<Visitor & { guest: GuestIdentity | null }> {
  const guest = await readGuest(request);
  const shown = await readCookie<{ t: number }>(request, formShownCookie);
  const address = clientAddress(request);
  return {
    userId: null,
    role: null,
    guestKey: guest?.key ?? null,
    guest,
    ipHash: address ? hashAddress(address) : null,
    formShownAt: shown && typeof shown.t === "number" ? shown.t : null,
  };
}
