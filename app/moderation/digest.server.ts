// The queue digest for staff who choose one on their account page: pending
// and reported counts and how long the oldest has waited, hourly or daily.
// Each instance's sender looks for digests that are due; claiming one is a
// conditional update of the account's `digestAt`, so several instances write
// each digest once. An empty queue sends nothing.
import { STAFF } from "~/model/roles";
import { db } from "~/db.server";
import { mailAddress } from "~/mail/addresses.server";
import { digestEmail, siteUrl } from "~/mail/messages.server";
import { enqueue } from "~/mail/outbox.server";
import { newMailToken } from "~/mail/tokens.server";
import { oldestWaiting, queueCounts } from "~/moderation/queue.server";

export const DIGEST_PERIODS = { hourly: 60 * 60_000, daily: 24 * 60 * 60_000 } as const;
export type DigestPeriod = keyof typeof DIGEST_PERIODS;
export const isDigestPeriod = (value: unknown): value is DigestPeriod =>
  typeof value === "string" && value in DIGEST_PERIODS;

/** Writes the digests that are due into the outbox; returns how many. */
export async function writeDueDigests(now = new Date()) {
  const staff = await db.user.findMany({
    where: { queueDigest: { in: Object.keys(DIGEST_PERIODS) }, role: { in: [...STAFF] } },
    select: { id: true, email: true, role: true, queueDigest: true, digestAt: true },
  });
  let written = 0;
  for (const member of staff) {
    if (!isDigestPeriod(member.queueDigest)) continue;
    const period = member.queueDigest;
    if (member.digestAt && now.getTime() - member.digestAt.getTime() < DIGEST_PERIODS[period]) continue;
    const actor = { id: member.id, role: member.role };
    const [counts, oldest] = await Promise.all([queueCounts(actor), oldestWaiting(actor)]);
    const wrote = await db.$transaction(async (tx) => {
      const claimed = await tx.user.updateMany({
        where: { id: member.id, digestAt: member.digestAt },
        data: { digestAt: now },
      });
      if (claimed.count === 0 || counts.pending + counts.reported === 0) return false;
      const address = await mailAddress(tx, member.email, true);
      const token = await newMailToken(tx, address.id, "digest");
      const stopUrl = `${siteUrl()}/subscriptions/unsubscribe?token=${token}`;
      await enqueue(
        tx,
        {
          kind: "digest",
          to: address.address,
          ...digestEmail({ ...counts, oldest, period, stopUrl }),
          unsubscribeUrl: stopUrl,
        },
        { confirmed: true },
      );
      return true;
    });
    if (wrote) written++;
  }
  return written;
}
