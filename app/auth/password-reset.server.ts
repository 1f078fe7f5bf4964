// Forgotten passwords: a single-use link, valid for an hour, mailed through
// the outbox. Asking answers the same whether or not an account uses the
// address (so the form tells nobody who has an account), and is limited per
// address asking and per email asked for.
import { z } from "zod";
import { hashPassword, passwordProblem } from "~/auth/passwords.server";
import { lockedUntil, recordFailure } from "~/auth/throttle.server";
import { db } from "~/db.server";
import { mailAddress } from "~/mail/addresses.server";
import { resetEmail } from "~/mail/messages.server";
import { enqueue } from "~/mail/outbox.server";
import { newMailToken, readMailToken } from "~/mail/tokens.server";

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

const resetKeys = (email: string, addressHash: string | null) => [
  `reset-email:${email}`,
  ...(addressHash ? [`reset-address:${addressHash}`] : []),
];

/** Sends the link if an account uses the address; the caller says the same either way. Null, or when to try again. */
export async function requestReset(email: string, addressHash: string | null): Promise<Date | null> {
  const keys = resetKeys(email, addressHash);
  const until = await lockedUntil(keys);
  if (until) return until;
  // Every request counts towards the limit: five an hour or so freely, then the wait doubles.
  await recordFailure(keys);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  if (!user?.passwordHash) return null;
  await db.$transaction(async (tx) => {
    const address = await mailAddress(tx, email, true);
    const token = await newMailToken(tx, address.id, "reset");
    await enqueue(tx, { kind: "reset", to: email, ...resetEmail(token) }, { confirmed: true });
  });
  return null;
}

/** The account a reset link is for, if the link is ours, unused and less than an hour old. */
export async function resetTarget(token: string | null | undefined) {
  const row = await readMailToken(token, "reset");
  if (!row) return null;
  const user = await db.user.findUnique({ where: { email: row.address.address }, select: { id: true, email: true } });
  return user ? { user, hash: row.hash } : null;
}

/** Sets the new password, uses up the link, and ends every session of the account. */
export async function resetPassword(token: string, password: string) {
  const target = await resetTarget(token);
  if (!target)
    return { ok: false as const, gone: true, message: "This link has been used or is more than an hour old." };
  const problem = passwordProblem(password, target.user.email);
  if (problem) return { ok: false as const, gone: false, message: problem };
  const passwordHash = await hashPassword(password);
  const used = await db.$transaction(async (tx) => {
    const { count } = await tx.mailToken.updateMany({
      where: { hash: target.hash, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.user.update({ where: { id: target.user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: target.user.id } });
    await tx.signInThrottle.deleteMany({ where: { key: `email:${target.user.email}` } });
    return true;
  });
  if (!used) return { ok: false as const, gone: true, message: "This link has just been used." };
  return { ok: true as const, userId: target.user.id };
}
