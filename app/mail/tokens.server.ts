// The tokens in email links: random, shown once in the email, kept only as
// their SHA-256, each naming one address and what it allows (confirming the
// address, or managing what it follows). A token that is unknown, expired or
// of another kind reads as nothing.
import { type Tx, db } from "~/db.server";
import { generateSessionToken, sessionIdFromToken } from "~/auth/sessions.server";

const DAY = 24 * 60 * 60_000;
const LIFETIME = {
  confirm: 7 * DAY,
  manage: 365 * DAY,
  reset: 60 * 60_000,
  digest: 365 * DAY,
  email: 2 * DAY,
} as const;
export type TokenPurpose = keyof typeof LIFETIME;

/** A new token for an address; the raw value goes into one email and is never stored. */
export async function newMailToken(
  tx: Tx,
  addressId: number,
  purpose: TokenPurpose,
  subscriptionId: number | null = null,
): Promise<string> {
  const token = generateSessionToken();
  await tx.mailToken.create({
    data: {
      hash: sessionIdFromToken(token),
      addressId,
      purpose,
      subscriptionId,
      expiresAt: new Date(Date.now() + LIFETIME[purpose]),
    },
  });
  return token;
}

/** The token's row with its address, if the token is one of ours, of this kind (or one of these) and not expired. */
export async function readMailToken(token: string | null | undefined, purpose: TokenPurpose | readonly TokenPurpose[]) {
  const purposes: readonly string[] = typeof purpose === "string" ? [purpose] : purpose;
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return null;
  const row = await db.mailToken.findUnique({
    where: { hash: sessionIdFromToken(token) },
    select: {
      hash: true,
      purpose: true,
      subscriptionId: true,
      expiresAt: true,
      usedAt: true,
      address: { select: { id: true, address: true, confirmedAt: true } },
    },
  });
  if (!row || !purposes.includes(row.purpose) || row.expiresAt.getTime() < Date.now()) return null;
  // A password reset link, and a new email address's confirmation, work once.
  if ((row.purpose === "reset" || row.purpose === "email") && row.usedAt) return null;
  return row;
}
