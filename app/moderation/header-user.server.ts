// What the header and the forms know of the signed-in visitor: the root
// loader's data, and the same for a page served without Remix
// (app/article-page/personal-page.server.tsx).
import type { SessionUser } from "~/auth/sessions.server";
import { isStaff } from "~/model/roles";
import { queueCounts } from "~/moderation/queue.server";
import { publishesAtOnce } from "~/posts/intake.server";

export type HeaderUser = {
  displayName: string;
  role: string;
  queue: { pending: number; reported: number } | null;
  publishesAtOnce: boolean;
  notifyReplies: boolean;
};

export async function headerUser(session: SessionUser | null): Promise<HeaderUser | null> {
  if (!session) return null;
  return {
    displayName: session.displayName,
    role: session.role,
    // Staff see what waits for them in the header.
    queue: isStaff(session.role) ? await queueCounts(session) : null,
    // So that the forms say whether a post waits for a moderator.
    publishesAtOnce: await publishesAtOnce(session),
    // The "Email me" box on the forms starts as the account's choice.
    notifyReplies: session.notifyReplies,
  };
}
