// A writer's history for staff: every post in every status, reports, bans,
// counts and notes, for an account, a guest's cookie and an imported guest's
// email; and bad keys and notes refused. SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { moderate } from "~/moderation/moderate.server";
import { addWriterNote, writerHistory, writerKeyOf } from "~/moderation/writers.server";
import { reportPost } from "~/posts/reports.server";
import { submitPost } from "~/posts/intake.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { guestVisitor, refusalStatus } from "../support/factories";
import { userWithSession } from "../support/users";

let article: { id: string; slug: string };
let moderator: { id: string; role: string };
beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
  moderator = (await userWithSession("moderator")).user;
});

describe("a writer's history", () => {
  it("shows a guest's posts in every status, the reports against them, their bans, counts and notes", async () => {
    const visitor = guestVisitor({ guestKey: `history-${Date.now()}` });
    const posts = [];
    for (const body of ["One about silence", "Two about texts", "Three about friends", "Four about work"]) {
      const result = await submitPost(
        article,
        { name: "Hana", email: "hana@example.com", body, section: "article" },
        visitor,
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      posts.push(result.post);
    }
    await moderate(moderator, "reject", posts[0].id);
    await moderate(moderator, "approve", posts[1].id);
    await reportPost(posts[1].id, "Off topic", "reader-x", "Belongs under another article");
    await moderate(moderator, "ban", posts[2].id, { reason: "Repeated spam", banFor: "week" });
    const key = writerKeyOf({ userId: null, guestKey: visitor.guestKey, guestEmail: null })!;
    await addWriterNote(moderator, key, "  Watch for a fifth.  ");

    const history = await writerHistory(key, 1);
    expect(history).toMatchObject({ name: "Hana", email: "hana@example.com", kind: "guest", total: 4 });
    expect(history.counts).toMatchObject({ published: 1, rejected: 1, spam: 1, pending: 1 });
    expect(history.posts.map((p) => p.status)).toEqual(["pending", "spam", "published", "rejected"]);
    expect(history.posts.find((p) => p.status === "published")?.href).toMatch(/^\/articles\/.+\/posts\/\d+$/);
    expect(history.reports).toEqual([
      expect.objectContaining({ reason: "Off topic (“Belongs under another article”)", open: true }),
    ]);
    expect(history.bans).toEqual([expect.objectContaining({ reason: "Repeated spam", inForce: true })]);
    expect(history.notes).toEqual([expect.objectContaining({ body: "Watch for a fifth." })]);
  });

  it("is keyed by an account for a reader, and refuses keys and notes that name nobody or say nothing", async () => {
    const { user } = await userWithSession("reader");
    const result = await submitPost(
      article,
      { name: "", email: "", body: "A reader's question", section: "article" },
      guestVisitor({ userId: user.id, role: "reader", guestKey: null }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const history = await writerHistory(`account-${user.id}`, 1);
    expect(history.kind).toBe("account (reader)");
    expect(history.email).toBe(user.email);
    for (const bad of [
      "",
      "nobody",
      "account-",
      "account-no-such-id",
      "guest-no-such-cookie",
      `email-${"x".repeat(400)}`,
    ]) {
      expect(await refusalStatus(writerHistory(bad, 1)), bad).toBe(404);
    }
    expect(await refusalStatus(addWriterNote(moderator, `account-${user.id}`, "   "))).toBe(400);
    expect(await refusalStatus(addWriterNote(moderator, `account-${user.id}`, "x".repeat(2_001)))).toBe(400);
    expect(await refusalStatus(addWriterNote(moderator, "guest-no-such-cookie", "A note"))).toBe(404);
    expect(await db.writerNote.count({ where: { writer: `account-${user.id}` } })).toBe(0);
  });
});
