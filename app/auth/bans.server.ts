// Who is banned from posting. A moderator's ban (app/moderation/moderate.server.ts)
// writes the Ban row; intake asks here before a post is written.
import { db } from "~/db.server";

/** A ban holds until it ends by itself (endsAt) or a moderator lifts it. */
export function inForce(now = new Date()) {
  return { liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/**
 * Whether a writer is banned. An account is held only by a ban on that
 * account, so a ban can never silence the other people behind one address;
 * a guest by a ban on their cookie or email, or on the address they post
 * from when a moderator banned that address.
 */
export async function isBanned(writer: {
  userId: string | null;
  guestKey: string | null;
  guestEmail: string | null;
  ipHash: string | null;
}) {
  if (writer.userId) return (await db.ban.count({ where: { userId: writer.userId, ...inForce() } })) > 0;
  const or = [
    writer.guestKey ? { guestKey: writer.guestKey } : null,
    writer.guestEmail ? { guestEmail: writer.guestEmail.toLowerCase() } : null,
    writer.ipHash ? { ipHash: writer.ipHash } : null,
  ].filter((w) => w !== null);
  if (or.length === 0) return false;
  return (await db.ban.count({ where: { AND: [{ OR: or }, inForce()] } })) > 0;
}
