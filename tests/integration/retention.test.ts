// Keeping less: the daily prune (npm run prune) removes exactly what is past
// its retention period (90 days each by default) and nothing else: sent and
// given-up emails, posts' address hashes (the posts stay), ended sessions.
// On SQLite and on PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { pruneExpired } from "~/privacy/retention.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { userWithSession } from "../support/users";

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  await seed();
});

describe("the retention prune", () => {
  it("removes what is past its period, and nothing else", async () => {
    // Start from a known state: whatever the seed left is pruned first.
    await pruneExpired();
    let n = 0;
    const email = (status: string, createdAt: Date, sentAt: Date | null) =>
      db.outboxEmail.create({
        data: {
          kind: "answer",
          toAddress: "reader@example.com",
          subject: "An answer",
          textBody: "t",
          htmlBody: "<p>t</p>",
          messageId: `<retention-${++n}-${Date.now()}@afterword>`,
          status,
          createdAt,
          sentAt,
        },
      });
    const oldSent = await email("sent", ago(120), ago(100));
    const oldFailed = await email("failed", ago(100), null);
    const recentSent = await email("sent", ago(20), ago(10));
    const oldPending = await email("pending", ago(100), null);
    const oldHeld = await email("held", ago(100), null);
    const justInside = await email("sent", ago(95), ago(89));

    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const post = (createdAt: Date, body: string) =>
      db.post.create({
        data: {
          articleId: article.id,
          guestName: "G",
          bodySource: body,
          bodyHtml: body,
          status: "published",
          ipHash: "hash",
          createdAt,
        },
      });
    const oldPost = await post(ago(91), "old");
    const newPost = await post(ago(89), "new");

    const { user } = await userWithSession("reader");
    const session = (id: string, expiresAt: Date) => db.session.create({ data: { id, userId: user.id, expiresAt } });
    const longEnded = await session(`ended-long-ago-${Date.now()}`, ago(91));
    const lately = await session(`ended-lately-${Date.now()}`, ago(5));
    const active = await session(`active-${Date.now()}`, new Date(Date.now() + 10 * DAY));

    expect(await pruneExpired()).toEqual({ emails: 2, addressHashes: 1, sessions: 1 });
    const left = new Set((await db.outboxEmail.findMany({ select: { id: true } })).map((e) => e.id));
    expect([oldSent.id, oldFailed.id].some((id) => left.has(id))).toBe(false);
    expect([recentSent.id, oldPending.id, oldHeld.id, justInside.id].every((id) => left.has(id))).toBe(true);
    expect((await db.post.findUniqueOrThrow({ where: { id: oldPost.id } })).ipHash).toBeNull();
    expect((await db.post.findUniqueOrThrow({ where: { id: oldPost.id } })).bodySource).toBe("old");
    expect((await db.post.findUniqueOrThrow({ where: { id: newPost.id } })).ipHash).toBe("hash");
    const sessions = new Set((await db.session.findMany({ where: { userId: user.id } })).map((s) => s.id));
    expect(sessions.has(longEnded.id)).toBe(false);
    expect(sessions.has(lately.id) && sessions.has(active.id)).toBe(true);
    // Again: nothing more to do.
    expect(await pruneExpired()).toEqual({ emails: 0, addressHashes: 0, sessions: 0 });
  });
});
