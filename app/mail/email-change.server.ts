// A reader changes their account's email: the new address is confirmed by a
// link sent to it before it replaces the old one, and the old address is told
// once it has.
import { z } from "zod";
import { type Tx, db } from "~/db.server";
import { mailAddress } from "~/mail/addresses.server";
import { accountConfirmationEmail, emailChangeEmail, emailChangedNotice } from "~/mail/messages.server";
import { config } from "~/config.server";
import { enqueue } from "~/mail/outbox.server";
import { newMailToken, readMailToken } from "~/mail/tokens.server";
import { Refusal } from "~/utils/refusal";

const Email = z.string().trim().toLowerCase().email().max(254);

/** Asks for the change: the link goes to the new address; nothing changes until it is opened. */
export async function requestEmailChange(userId: string, newEmail: string) {
  const parsed = Email.safeParse(newEmail);
  if (!parsed.success) throw new Refusal(400, "That doesn’t look like an email address.", { field: "newEmail" });
  const address = parsed.data;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (address === user.email.toLowerCase()) {
    throw new Refusal(400, "That is already your address.", { field: "newEmail" });
  }
  if (await db.user.count({ where: { email: address } })) {
    throw new Refusal(400, "Another account has that address.", { field: "newEmail" });
  }
  await db.$transaction(async (tx: Tx) => {
    await tx.user.update({ where: { id: userId }, data: { pendingEmail: address } });
    const row = await mailAddress(tx, address, false);
    const token = await newMailToken(tx, row.id, "email");
    // Sent now, though the address is not confirmed yet: this email is what confirms it.
    await enqueue(tx, { kind: "confirm", to: address, ...emailChangeEmail(token, address) }, { confirmed: true });
  });
  return address;
}

/** Opens the link: the account whose change waits for this address takes it, and its old address is told. */
export async function confirmEmailChange(token: string | null) {
  const row = await readMailToken(token, "email");
  if (!row) return null;
  return db.$transaction(async (tx: Tx) => {
    const user = await tx.user.findFirst({ where: { pendingEmail: row.address.address } });
    if (!user) return null;
    if (await tx.user.count({ where: { email: row.address.address, id: { not: user.id } } })) {
      throw new Refusal(409, "Another account took that address meanwhile; your address is unchanged.");
    }
    await tx.user.update({ where: { id: user.id }, data: { email: row.address.address, pendingEmail: null } });
    await tx.mailToken.update({ where: { hash: row.hash }, data: { usedAt: new Date() } });
    await tx.mailAddress.update({ where: { id: row.address.id }, data: { confirmedAt: new Date() } });
    await enqueue(
      tx,
      { kind: "confirm", to: user.email, ...emailChangedNotice(row.address.address) },
      { confirmed: true },
    );
    return { from: user.email, to: row.address.address };
  });
}

/**
 * With REQUIRE_VERIFIED_EMAIL=1, a new account's address gets a confirmation link; until it is opened, the
 * account's posts are held for a moderator (app/posts/intake.server.ts). Nothing when the setting is off or the
 * address is confirmed already.
 */
export async function confirmNewAccountEmail(email: string) {
  if (config().REQUIRE_VERIFIED_EMAIL !== "1") return false;
  return db.$transaction(async (tx: Tx) => {
    const row = await mailAddress(tx, email, false);
    if (row.confirmedAt) return false;
    const token = await newMailToken(tx, row.id, "confirm");
    await enqueue(tx, { kind: "confirm", to: row.address, ...accountConfirmationEmail(token) }, { confirmed: true });
    return true;
  });
}
