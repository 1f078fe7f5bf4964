// The addresses mail goes to. An account's address counts as confirmed; a
// guest's is confirmed by the link sent to it, and mail to it is held until then.
import { type Tx, lockKeys } from "~/db.server";

/** The address's row, made on first use. */
export async function mailAddress(tx: Tx, email: string, confirmed: boolean) {
  const address = email.trim().toLowerCase();
  // Two requests for one new address at once would both insert it (and its
  // subscription), and one would fail on the unique key: the second waits here.
  // Taken after any other lock a transaction holds, so that none waits in a circle.
  await lockKeys(tx, [`mail-address:${address}`]);
  const row = await tx.mailAddress.upsert({
    where: { address },
    create: { address, confirmedAt: confirmed ? new Date() : null },
    update: {},
    select: { id: true, address: true, confirmedAt: true },
  });
  if (confirmed && !row.confirmedAt) {
    const confirmedAt = new Date();
    await tx.mailAddress.update({ where: { id: row.id }, data: { confirmedAt } });
    await releaseHeld(tx, address);
    return { ...row, confirmedAt };
  }
  return row;
}

/** An address was confirmed: what waited for it goes out. */
export async function releaseHeld(tx: Tx, address: string) {
  await tx.outboxEmail.updateMany({ where: { toAddress: address, status: "held" }, data: { status: "pending" } });
}
