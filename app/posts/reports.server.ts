// A reader reports a post: kept with its reason and note, flagged for the
// moderation queue, and logged. Readers need no account to report.
import { db } from "~/db.server";
import { REPORT_NOTE_MAX, REPORT_REASONS } from "~/model/report-reasons";
import { VISIBLE_STATUS } from "~/model/status";
import { withFlag } from "~/posts/flags.server";
import { unpublishPost } from "~/posts/posts.server";
import { getSettings } from "~/settings/settings.server";
import { Refusal } from "~/utils/refusal";
import { xmlText } from "~/utils/text-safety";

/** The flag of a published post that readers' reports took off the page until a moderator decides. */
export const HIDDEN_BY_REPORTS = "hidden by reports";

/**
 * A reader reports a published post: it enters the queue flagged "reported". Once distinct readers' open
 * reports reach the reportsToHide setting (as Discourse does), it is taken off the page, waiting for a
 * moderator, whose decision ends the hiding either way. Says whether this report hid it.
 */
export async function reportPost(
  postId: number,
  reason: string,
  reporterKey: string | null,
  note = "",
): Promise<{ hidden: boolean }> {
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
  const { reportsToHide } = await getSettings();
  return db.$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: postId },
      select: { status: true, flags: true, rootId: true },
    });
    if (!post || post.status !== VISIBLE_STATUS) throw new Refusal(404, "That post is not on the page any more.");
    await tx.report.create({ data: { postId, reason, reporterKey, note: said } });
    await tx.moderationAction.create({ data: { actorId: null, action: "report", postId, reason } });
    // Readers are counted once each, by account or guest cookie; a report from nobody in particular counts none.
    const reporters = reportsToHide
      ? await tx.report.groupBy({
          by: ["reporterKey"],
          where: { postId, resolvedAt: null, reporterKey: { not: null } },
        })
      : [];
    const hide = reportsToHide > 0 && reporters.length >= reportsToHide;
    const flags = withFlag(withFlag(post.flags, "reported", true), HIDDEN_BY_REPORTS, hide);
    if (hide) await unpublishPost(tx, post);
    await tx.post.update({ where: { id: postId }, data: { flags, ...(hide ? { status: "pending" } : {}) } });
    return { hidden: hide };
  });
}
