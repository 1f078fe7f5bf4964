// The list of bans (/moderation/bans): every ban in force and every one that
// ended, by itself or lifted, with who banned, when, why, what it covers and
// when it ends; searchable by the writer's name or email. A moderator lifts a
// ban with a reason; the audit log records it, and the ban stays listed.
import { inForce } from "~/auth/bans.server";
import { db } from "~/db.server";
import { BAN_REASON_MAX } from "~/model/ban-lengths";
import type { Actor } from "~/model/roles";
import { type ShownDate, showDateTime } from "~/utils/dates";
import { pageWindow } from "~/utils/pages";
import { historyPathOf } from "./writers.server";
import { Refusal } from "~/utils/refusal";

export const BANS_PER_PAGE = 50;
/** The bans searched by name or email, newest first: far more than any site's list, read in one query. */
const SEARCHED = 5_000;

export type BanEntry = {
  id: number;
  /** The account's name, the guest's name, or for an address "Guests from one address". */
  writer: string;
  /** Shown to moderators and admins only, as this page is. */
  email: string | null;
  /** The writer's history (every post, report and ban); none for a ban on an address alone. */
  history: string | null;
  covers: "account" | "guest" | "address";
  reason: string;
  bannedBy: string | null;
  bannedAt: ShownDate;
  endsAt: ShownDate | null;
  state: "in force" | "expired" | "lifted";
  lifted: { by: string | null; at: ShownDate; reason: string } | null;
};

export async function listBans(query: { q: string; page: number }) {
  const now = new Date();
  const rows = await db.ban.findMany({ orderBy: { id: "desc" }, take: SEARCHED });
  const userIds = [...new Set(rows.flatMap((r) => [r.userId, r.createdById, r.liftedById]).filter(Boolean))];
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: userIds as string[] } },
        select: { id: true, displayName: true, email: true },
      })
    ).map((u) => [u.id, u]),
  );
  const entries: BanEntry[] = rows.map((ban) => {
    const account = ban.userId ? users.get(ban.userId) : undefined;
    const lifted = ban.liftedAt !== null;
    const expired = !lifted && ban.endsAt !== null && ban.endsAt <= now;
    return {
      id: ban.id,
      writer: account?.displayName ?? ban.guestName ?? (ban.ipHash ? "Guests from one address" : "A guest"),
      email: account?.email ?? ban.guestEmail,
      history: historyPathOf(ban),
      covers: ban.userId ? "account" : ban.ipHash && !ban.guestKey && !ban.guestEmail ? "address" : "guest",
      reason: ban.reason,
      bannedBy: (ban.createdById && users.get(ban.createdById)?.displayName) || null,
      bannedAt: showDateTime(ban.createdAt),
      endsAt: ban.endsAt ? showDateTime(ban.endsAt) : null,
      state: lifted ? "lifted" : expired ? "expired" : "in force",
      lifted: ban.liftedAt
        ? {
            by: (ban.liftedById && users.get(ban.liftedById)?.displayName) || null,
            at: showDateTime(ban.liftedAt),
            reason: ban.liftReason,
          }
        : null,
    };
  });
  const q = query.q.trim().toLowerCase();
  const found = q
    ? entries.filter((e) => e.writer.toLowerCase().includes(q) || (e.email ?? "").toLowerCase().includes(q))
    : entries;
  // In force first, then those that ended; each newest first.
  const ordered = [...found.filter((e) => e.state === "in force"), ...found.filter((e) => e.state !== "in force")];
  const { page, pageCount, skip } = pageWindow(ordered.length, BANS_PER_PAGE, query.page);
  return {
    bans: ordered.slice(skip, skip + BANS_PER_PAGE),
    inForce: found.filter((e) => e.state === "in force").length,
    total: ordered.length,
    page,
    pageCount,
  };
}

/**
 * Lifts a ban in force, with a reason: it stops holding at once, stays on the list as lifted, and the audit log
 * records who lifted it and why. An account with no other ban in force is no longer marked banned.
 */
export async function liftBan(actor: Actor, banId: number, reason: string) {
  const why = reason.trim();
  if (!why) throw new Refusal(400, "Say why the ban is lifted: the audit log keeps it.", { field: "reason" });
  if ([...why].length > BAN_REASON_MAX) {
    throw new Refusal(400, `Keep the reason under ${BAN_REASON_MAX} characters.`, { field: "reason" });
  }
  return db.$transaction(async (tx) => {
    const ban = await tx.ban.findUnique({ where: { id: banId } });
    if (!ban) throw new Refusal(404, "There is no such ban.");
    const now = new Date();
    const lifted = await tx.ban.updateMany({
      where: { id: banId, ...inForce(now) },
      data: { liftedAt: now, liftedById: actor.id, liftReason: why },
    });
    if (lifted.count === 0) throw new Refusal(409, "This ban has already ended.");
    if (ban.userId && (await tx.ban.count({ where: { userId: ban.userId, ...inForce(now) } })) === 0) {
      await tx.user.update({ where: { id: ban.userId }, data: { bannedAt: null, banReason: null } });
    }
    await tx.moderationAction.create({
      data: { actorId: actor.id, action: "lift_ban", reason: why, before: `ban ${ban.id}: ${ban.reason}` },
    });
    return ban;
  });
}
