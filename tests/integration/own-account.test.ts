// A reader in control of their own account: their data as one JSON file, their
// devices, and deleting the account with their password, keeping or deleting
// their posts. On SQLite and on PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/passwords.server";
import { FORMER_READER, accountData, deleteAccount, devices } from "~/auth/own-account.server";
import { db } from "~/db.server";
import { followArticle } from "~/mail/subscriptions.server";
import { confirmEmailChange, requestEmailChange } from "~/mail/email-change.server";
import { moderate } from "~/moderation/moderate.server";
import { addMark } from "~/posts/reader-marks.server";
import { submitPost } from "~/posts/intake.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { guestVisitor, refusalStatus } from "../support/factories";
import { userWithSession } from "../support/users";

const PASSWORD = "a long and quiet river";
let article: { id: string; slug: string };
let moderator: { id: string; role: string };

beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
  moderator = (await userWithSession("moderator")).user;
});

async function readerWithPosts() {
  const { user } = await userWithSession("reader");
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  const visitor = guestVisitor({ userId: user.id, role: "reader", guestKey: null });
  const question = await submitPost(article, { body: "Is a week of silence enough?", section: "article" }, visitor);
  if (!question.ok) throw new Error(JSON.stringify(question));
  await moderate(moderator, "approve", question.post.id);
  await moderate(moderator, "edit", question.post.id, { body: "Is one week of silence enough?", reason: "Typo" });
  const parent = (
    await db.post.findFirstOrThrow({ where: { articleId: article.id, parentId: null, status: "published" } })
  ).id;
  const reply = await submitPost(article, { body: "It helped me too.", parentId: String(parent) }, visitor);
  if (!reply.ok) throw new Error(JSON.stringify(reply));
  // Trusted after their first approval, the reader's reply is published at once.
  expect(reply.post.status).toBe("published");
  await followArticle({ email: user.email, confirmed: true, articleId: article.id });
  await addMark({
    postId: parent,
    kind: "me-too",
    marker: { userId: user.id, guestKey: null, ipHash: null },
    follow: null,
  });
  return { user, question: question.post.id, reply: reply.post.id, parent };
}

describe("a reader's own account", () => {
  it("downloads everything kept about it: the account, posts with revisions, subscriptions, me-toos", async () => {
    const { user, question } = await readerWithPosts();
    const data = await accountData(user.id);
    expect(data.account).toMatchObject({ id: user.id, email: user.email });
    expect(data.posts).toHaveLength(2);
    const asked = data.posts.find((p) => p.id === question)!;
    expect(asked.bodySource).toBe("Is one week of silence enough?");
    expect(asked.revisions.map((r) => r.bodySource)).toEqual(["Is a week of silence enough?"]);
    expect(data.subscriptions).toEqual([expect.objectContaining({ scope: "article" })]);
    expect(data.meToos).toHaveLength(1);
    const listed = await devices(user.id, null);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ current: false, device: "An unknown browser" });
  });

  it("is deleted with its password, its posts kept under “a former reader”, its sessions and mail gone", async () => {
    const { user, question, reply, parent } = await readerWithPosts();
    expect(await refusalStatus(deleteAccount(user.id, "not my password", false))).toBe(400);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    const replies = (await db.post.findUniqueOrThrow({ where: { id: parent } })).replyCount;
    await deleteAccount(user.id, PASSWORD, false);
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.mailAddress.count({ where: { address: user.email } })).toBe(0);
    const kept = await db.post.findMany({ where: { id: { in: [question, reply] } } });
    expect(kept.map((p) => [p.status, p.userId, p.guestName])).toEqual([
      ["published", null, FORMER_READER],
      ["published", null, FORMER_READER],
    ]);
    expect((await db.post.findUniqueOrThrow({ where: { id: parent } })).replyCount).toBe(replies);
    expect(await db.readerMark.count({ where: { visitor: `user:${user.id}` } })).toBe(0);
  });

  it("deletes the posts too when asked (soft: their place stays), and never the last admin", async () => {
    const { user, question, reply, parent } = await readerWithPosts();
    const replies = (await db.post.findUniqueOrThrow({ where: { id: parent } })).replyCount;
    await deleteAccount(user.id, PASSWORD, true);
    const gone = await db.post.findMany({ where: { id: { in: [question, reply] } } });
    expect(gone.map((p) => p.status)).toEqual(["deleted", "deleted"]);
    expect((await db.post.findUniqueOrThrow({ where: { id: parent } })).replyCount).toBe(replies - 1);

    await db.user.updateMany({ where: { role: "admin" }, data: { role: "moderator" } });
    const { user: admin } = await userWithSession("admin");
    await db.user.update({ where: { id: admin.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    expect(await refusalStatus(deleteAccount(admin.id, PASSWORD, false))).toBe(409);
    expect(await db.user.count({ where: { id: admin.id } })).toBe(1);
  });
});

describe("changing the account's email", () => {
  it("waits for the link sent to the new address, then tells the old one; the link works once", async () => {
    const { user } = await userWithSession("reader");
    const { user: other } = await userWithSession("reader");
    expect(await refusalStatus(requestEmailChange(user.id, "not an address"))).toBe(400);
    expect(await refusalStatus(requestEmailChange(user.id, user.email))).toBe(400);
    expect(await refusalStatus(requestEmailChange(user.id, other.email.toUpperCase()))).toBe(400);

    const fresh = `new-${Date.now()}@example.com`;
    await requestEmailChange(user.id, ` ${fresh.toUpperCase()} `);
    // Nothing changes yet.
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      email: user.email,
      pendingEmail: fresh,
    });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: fresh } });
    const token = /\/account\/email\?token=([a-z2-7]+)/.exec(mail.textBody)![1];

    expect(await confirmEmailChange("not-a-token")).toBeNull();
    expect(await confirmEmailChange(token)).toEqual({ from: user.email, to: fresh });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      email: fresh,
      pendingEmail: null,
    });
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: user.email }, orderBy: { id: "desc" } });
    expect(notice.subject).toBe("Your Afterword email address was changed");
    expect(notice.textBody).toContain(fresh);
    expect(await confirmEmailChange(token)).toBeNull();
  });
});
