// Bans that end: for a day, a week, a month or for good; an ended ban stops
// holding by itself (the clock moved past it), and a lifted one at once. The
// list shows every ban, in force first, searchable by name or email. On SQLite
// and on PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { isBanned } from "~/auth/bans.server";
import { db } from "~/db.server";
import { liftBan, listBans } from "~/moderation/ban-list.server";
import { writerHistory } from "~/moderation/writers.server";
import { moderate } from "~/moderation/moderate.server";
import { submitPost } from "~/posts/intake.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { guestVisitor, refusalStatus } from "../support/factories";
import { userWithSession } from "../support/users";

let article: { id: string; slug: string };
let moderator: { id: string; role: string; displayName: string };
let n = 0;
async function ask(body: string, visitor = guestVisitor(), email = "") {
  const result = await submitPost(article, { name: `Banned ${++n}`, email, body, section: "article" }, visitor);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.post;
}
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
  moderator = (await userWithSession("moderator")).user;
});

describe("bans that end", () => {
  it("holds for a day, then stops holding by itself once the day is past", async () => {
    const visitor = guestVisitor({ guestKey: `day-${Date.now()}` });
    const post = await ask("Cheap courses here", visitor, "day@example.com");
    const before = Date.now();
    await moderate(moderator, "ban", post.id, { reason: "Advertising", banFor: "day" });
    const ban = await db.ban.findFirstOrThrow({ where: { guestEmail: "day@example.com" } });
    expect(ban.endsAt!.getTime() - before).toBeGreaterThanOrEqual(DAY - 1_000);
    expect(ban.endsAt!.getTime() - before).toBeLessThanOrEqual(DAY + 5_000);
    expect(ban).toMatchObject({ reason: "Advertising", createdById: moderator.id, guestName: `Banned ${n}` });
    expect((await ask("Still selling", visitor)).status).toBe("spam");

    // The clock moved on: the ban's day is over.
    await db.ban.update({
      where: { id: ban.id },
      data: { createdAt: new Date(before - 2 * DAY), endsAt: new Date(before - DAY) },
    });
    expect(
      await isBanned({ userId: null, guestKey: visitor.guestKey, guestEmail: "day@example.com", ipHash: null }),
    ).toBe(false);
    expect((await ask("A real question, a day later", visitor)).status).toBe("pending");
    const listed = (await listBans({ q: "day@example.com", page: 1 })).bans;
    expect(listed.map((b) => [b.id, b.state])).toEqual([[ban.id, "expired"]]);
    // The list links the writer's history, which holds the post the ban was made on.
    expect(listed[0].history).toBe(`/moderation/writers/${encodeURIComponent(`guest-${visitor.guestKey}`)}`);
    const history = await writerHistory(`guest-${visitor.guestKey}`, 1);
    expect(history.posts.map((p) => p.id)).toContain(post.id);
  });

  it("is lifted with a reason: it stops holding at once, stays listed, and the audit log says who and why", async () => {
    const { user: reader } = await userWithSession("reader");
    await db.user.update({ where: { id: reader.id }, data: { displayName: "Lifted Lena" } });
    const visitor = guestVisitor({ userId: reader.id, role: "reader", guestKey: null });
    const post = await ask("Selling from an account", visitor);
    await moderate(moderator, "ban", post.id, { reason: "Spam", banFor: "permanent" });
    const ban = await db.ban.findFirstOrThrow({ where: { userId: reader.id } });
    expect(ban.endsAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).bannedAt).not.toBeNull();

    expect(await refusalStatus(liftBan(moderator, ban.id, "  "))).toBe(400);
    expect(await refusalStatus(liftBan(moderator, 999_999, "Mistake"))).toBe(404);
    await liftBan(moderator, ban.id, "A mistake: they asked a real question");
    expect(await refusalStatus(liftBan(moderator, ban.id, "Again"))).toBe(409);
    expect(await isBanned({ userId: reader.id, guestKey: null, guestEmail: null, ipHash: null })).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).bannedAt).toBeNull();
    const entry = await db.moderationAction.findFirstOrThrow({
      where: { action: "lift_ban" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ actorId: moderator.id, reason: "A mistake: they asked a real question" });

    // Searchable by name, any case; lifted, with who and why.
    const { bans } = await listBans({ q: "lifted lena", page: 1 });
    expect(bans).toHaveLength(1);
    expect(bans[0]).toMatchObject({
      covers: "account",
      state: "lifted",
      reason: "Spam",
      bannedBy: moderator.displayName,
    });
    expect(bans[0].lifted).toMatchObject({
      by: moderator.displayName,
      reason: "A mistake: they asked a real question",
    });
  });

  it("lists the bans in force before those that ended, and pages them", async () => {
    const made = await db.ban.createManyAndReturn({
      data: Array.from({ length: 60 }, (_, i) => ({
        guestKey: `paged-${i}`,
        guestName: `Paged ${i}`,
        reason: "Spam",
        endsAt: i % 2 === 0 ? null : new Date(Date.now() - DAY),
      })),
    });
    expect(made).toHaveLength(60);
    const first = await listBans({ q: "paged", page: 1 });
    expect(first.total).toBe(60);
    expect(first.inForce).toBe(30);
    expect(first.pageCount).toBe(2);
    expect(first.bans.slice(0, 30).every((b) => b.state === "in force")).toBe(true);
    expect(first.bans.slice(30).every((b) => b.state === "expired")).toBe(true);
    expect((await listBans({ q: "paged", page: 2 })).bans).toHaveLength(10);
    expect((await listBans({ q: "nobody by this name", page: 1 })).total).toBe(0);
  });
});
