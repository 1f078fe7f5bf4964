// A reader reports a post: kept with its reason and note, flagged for the
// moderation queue, and logged. Readers need no account to report.
import { db } from "~/db.server";
import { REPORT_NOTE_MAX, REPORT_REASONS } from "~/model/report-reasons";
import { VISIBLE_STATUS } from "~/model/status";
import { withFlag } from "~/posts/flags.server";
import { Refusal } from "~/utils/refusal";
import { xmlText } from "~/utils/text-safety";

/** A reader reports a published post: it stays on the page and enters the queue flagged "reported". */
export async function reportPost(postId: number, reason: string, reporterKey: string | null, note = "") {
  if (!(REPORT_REASONS as readonly string[]).includes(reason)) {
    throw new Refusal(400, "Please choose a reason from the list.");
  }
  const said = xmlText(note).trim();
  if (said.length > REPORT_NOTE_MAX) {
    throw new Refusal(
      400,
      `Please keep the note to ${REPORT_NOTE_MAX} characters; it has ${said.length.toLocaleString("en-US")}.`,
    );
  }
  await db.$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { status: true, flags: true } });
    if (!post || post.status !== VISIBLE_STATUS) throw new Refusal(404, "That post is not on the page any more.");
    await tx.report.create({ data: { postId, reason, reporterKey, note: said } });
    await tx.post.update({ where: { id: postId }, data: { flags: withFlag(post.flags, "reported", true) } });
    await tx.moderationAction.create({ data: { actorId: null, action: "report", postId, reason } });
  });
}
