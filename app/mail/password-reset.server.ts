// Forgotten passwords: a single-use link, valid for an hour, mailed through
// the outbox. Asking answers the same, in the same time, whether or not an
// account uses the address (so the form tells nobody who has an account). It
// is limited per address asking (a window, then 429) and per email asked for
// (a window, then no more mail); using one link ends every other.
import { z } from "zod";
import { hashPassword, passwordProblem } from "~/auth/passwords.server";
import { takeFromWindow } from "~/auth/throttle.server";
import { db } from "~/db.server";
import { mailAddress } from "~/mail/addresses.server";
import { resetEmail } from "~/mail/messages.server";
import { enqueue } from "~/mail/outbox.server";
import { newMailToken, readMailToken } from "~/mail/tokens.server";
import { Refusal } from "~/utils/refusal";

export const ForgotForm = z.object({
  email: z
    .string({ required_error: "Please enter the email address of your account." })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .email("That doesn’t look like an email address."),
});

export const ResetForm = z.object({
  token: z.string({ required_error: "This form has no link token; open the link in your email again." }),
  password: z.string({ required_error: "Please choose a password." }),
});

/** Requests from one address: this many in a window, then 429 with when to try again. */
export const RESET_REQUESTS_PER_ADDRESS = 5;
const ADDRESS_WINDOW_MS = 15 * 60_000;
/**
 * Emails to one address: this many in a window as long as a link lives (an hour), then no more until it ends. The
 * answer stays the same, and the owner is never locked out by someone else's requests: the links already sent in
 * this window are in their inbox, and each still works.
 */
export const RESET_EMAILS_PER_ADDRESS = 3;
const EMAIL_WINDOW_MS = 60 * 60_000;

export type ResetRequest = {
  /** Set when this address has asked too often: when it may ask again (the answer is 429). */
  retryAt: Date | null;
  /** The lookup and the email, which run after the answer is sent (awaited only by tests). */
  sending: Promise<void>;
};

/**
 * Counts the request and, once the answer is on its way, sends the link if an account uses the address (one
 * without a password too: an author made by the import chooses one this way). The answer, and the work done
 * before it, are the same whether or not an account exists, so neither its text nor its timing tells.
 */
export async function requestReset(
  email: string,
  addressHash: string | null,
  /** Runs its argument once the answer is sent (the server's load context); by default, on the next turn. */
  afterResponse: (work: () => void) => void = setImmediate,
): Promise<ResetRequest> {
  const retryAt = addressHash
    ? await takeFromWindow(`reset-address:${addressHash}`, RESET_REQUESTS_PER_ADDRESS, ADDRESS_WINDOW_MS)
    : null;
  if (retryAt) return { retryAt, sending: Promise.resolve() };
  // Not while the answer is being made: on SQLite every query holds the one thread the page renders on.
  const sending = new Promise<void>((resolve) => afterResponse(() => resolve())).then(() => sendResetLink(email));
  sending.catch((error: unknown) => console.error("The password reset email could not be queued:", error));
  return { retryAt: null, sending };
}

async function sendResetLink(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  if (await takeFromWindow(`reset-email:${email}`, RESET_EMAILS_PER_ADDRESS, EMAIL_WINDOW_MS)) return;
  await db.$transaction(async (tx) => {
    const address = await mailAddress(tx, email, true);
    const token = await newMailToken(tx, address.id, "reset");
    await enqueue(tx, { kind: "reset", to: email, ...resetEmail(token) }, { confirmed: true });
  });
}

/** The account a reset link is for, if the link is ours, unused and less than an hour old. */
export async function resetTarget(token: string | null | undefined) {
  const row = await readMailToken(token, "reset");
  if (!row) return null;
  const user = await db.user.findUnique({ where: { email: row.address.address }, select: { id: true, email: true } });
  return user ? { user, hash: row.hash, addressId: row.address.id } : null;
}

/**
 * Sets the new password, uses up the link, and ends every session of the
 * account; the account's id. A Refusal: 410 for a link gone, 400 for the password.
 */
export async function resetPassword(token: string, password: string): Promise<string> {
  const target = await resetTarget(token);
  if (!target) throw new Refusal(410, "This link has been used or is more than an hour old.");
  const problem = passwordProblem(password, target.user.email);
  if (problem) throw new Refusal(400, problem, { field: "password" });
  const passwordHash = await hashPassword(password);
  const used = await db.$transaction(async (tx) => {
    const { count } = await tx.mailToken.updateMany({
      where: { hash: target.hash, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false;
    // Every other reset link of this account ends with this one.
    await tx.mailToken.updateMany({
      where: { addressId: target.addressId, purpose: "reset", usedAt: null },
      data: { usedAt: new Date() },
    });
    await tx.user.update({ where: { id: target.user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: target.user.id } });
    await tx.signInThrottle.deleteMany({ where: { key: `email:${target.user.email}` } });
    return true;
  });
  if (!used) throw new Refusal(410, "This link has just been used.");
  return target.user.id;
}
