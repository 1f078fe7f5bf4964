// Who is banned from posting. A moderator's ban (app/moderation/moderate.server.ts)
// writes the Ban row; intake asks here before a post is written.
import { db } from "~/db.server";

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
  if (writer.userId) return (await db.ban.count({ where: { userId: writer.userId } })) > 0;
  const or = [
    writer.guestKey ? { guestKey: writer.guestKey } : null,
    writer.guestEmail ? { guestEmail: writer.guestEmail.toLowerCase() } : null,
    writer.ipHash ? { ipHash: writer.ipHash } : null,
  ].filter((w) => w !== null);
  if (or.length === 0) return false;
  return (await db.ban.count({ where: { OR: or } })) > 0;
}
