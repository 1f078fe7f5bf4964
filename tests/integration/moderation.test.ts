import { beforeAll, describe, expect, it } from "vitest";
import { getArticlePage } from "~/articles/article-page.server";
import { db, onQuery } from "~/db.server";
import { isBanned } from "~/auth/bans.server";
import { moderate, undoDecision } from "~/moderation/moderate.server";
import { reportPost } from "~/posts/reports.server";
import { LOG_PAGE_SIZE, getAuditLog, getQueue } from "~/moderation/queue.server";
import { submitPost } from "~/posts/intake.server";
import { setSetting } from "~/settings/settings.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { userWithSession } from "../support/users";
import { guestVisitor, refusalStatus } from "../support/factories";

let article: { id: string; slug: string };
let moderator: { id: string; role: string };
let n = 0;
const guest = guestVisitor;
async function ask(body: string, visitor = guest(), email = "") {
  const result = await submitPost(article, { name: `Asker ${++n}`, email, body, section: "article" }, visitor);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.post;
}
const refusal = refusalStatus;

beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
  moderator = (await userWithSession("moderator")).user;
});

describe("moderate", () => {
  it("approves a question, which takes the next number, and records who did it", async () => {
    const post = await ask("When does the count start?");
    expect(post.status).toBe("pending");
    const approved = await moderate(moderator, "approve", post.id, { expectedRevision: 0 });
    expect(approved).toMatchObject({ status: "published", number: 15 });
    const log = await db.moderationAction.findFirstOrThrow({ where: { postId: post.id } });
    expect(log).toMatchObject({ actorId: moderator.id, action: "approve" });
  });

  it("rejects and spams, keeping the thread's reply count true, and refuses a stale decision", async () => {
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[2];
    const reply = await submitPost(
      article,
      { name: "R", body: "A reply to moderate", parentId: String(question.id) },
      guest(),
    );
    if (!reply.ok) throw new Error("reply refused");
    await moderate(moderator, "approve", reply.post.id);
    const before = (await db.post.findUniqueOrThrow({ where: { id: question.id } })).replyCount;
    await moderate(moderator, "reject", reply.post.id);
    expect((await db.post.findUniqueOrThrow({ where: { id: question.id } })).replyCount).toBe(before - 1);
    expect(await refusal(moderate(moderator, "reject", reply.post.id))).toBe(409);
    await moderate(moderator, "edit", reply.post.id, { body: "Reworded", reason: "Removed a phone number" });
    expect(await refusal(moderate(moderator, "spam", reply.post.id, { expectedRevision: 0 }))).toBe(409);
    expect((await moderate(moderator, "spam", reply.post.id, { expectedRevision: 1 })).status).toBe("spam");
  });

  it("works out the text's flags again after an edit: a post cut to length is no longer long", async () => {
    const keep = "Should I wait thirty days before answering?";
    const long = `${keep}\n\n${"We met at university and the story goes on. ".repeat(40)}`;
    const post = await ask(long);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).flags).toContain("long");
    await moderate(moderator, "edit_length", post.id, { body: keep });
    const edited = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(edited.flags.split(",")).not.toContain("long");
  });

  it("lets an author moderate only their own articles' posts", async () => {
    const post = await ask("For the author?");
    const stranger = (await userWithSession("author")).user;
    expect(await refusal(moderate(stranger, "approve", post.id))).toBe(403);
    const nora = await db.user.findUniqueOrThrow({ where: { email: "nora@afterword.example" } });
    expect((await moderate(nora, "approve", post.id)).status).toBe("published");
  });

  it("edits for length: the public sees the marker, the original is kept as a revision", async () => {
    const original =
      "I will explain everything.\n\nWe met years ago and a lot happened since then, far too much to tell.\n\nShould I wait thirty days?";
    const post = await ask(original);
    expect(
      await refusal(moderate(moderator, "edit_length", post.id, { body: "I will explain it all. Should I wait?" })),
    ).toBe(400);
    await moderate(moderator, "edit_length", post.id, {
      body: "I will explain everything.\n\nShould I wait thirty days?",
      expectedRevision: 0,
    });
    const stored = await db.post.findUniqueOrThrow({ where: { id: post.id }, include: { revisions: true } });
    expect(stored.bodySource).toBe("I will explain everything.\n\n[EDITED FOR LENGTH]\n\nShould I wait thirty days?");
    expect(stored.bodyHtml).toContain('aria-label="Edited for length by a moderator"');
    expect(stored.bodyHtml).not.toContain("We met years ago");
    expect(stored.revisions).toEqual([
      expect.objectContaining({ revision: 0, bodySource: original, kind: "length", editorId: moderator.id }),
    ]);
    const log = await db.moderationAction.findFirstOrThrow({ where: { postId: post.id, action: "edit_length" } });
    expect(log).toMatchObject({ before: original, after: stored.bodySource });
    expect(await refusal(moderate(moderator, "edit", post.id, { body: "New words" }))).toBe(400);
  });

  it("takes reported posts into the queue without taking them off the page", async () => {
    const published = (await getArticlePage(DEMO_ARTICLE))!.threads[4];
    await reportPost(published.id, "Off topic", "reader-1");
    await expect(reportPost(published.id, "Because", "reader-1")).rejects.toThrow(/reason from the list/);
    await expect(reportPost(published.id, "", "reader-1")).rejects.toThrow(/reason from the list/);
    await expect(reportPost(published.id, "Spam or advertising", "reader-1", "x".repeat(501))).rejects.toThrow(
      /500 characters/,
    );
    expect((await db.post.findUniqueOrThrow({ where: { id: published.id } })).status).toBe("published");
    const queue = await getQueue(moderator);
    const item = queue.items.find((i) => i.id === published.id)!;
    expect(item.flags).toContain("reported");
    expect(item.reports).toEqual(["Off topic"]);
    await moderate(moderator, "approve", published.id);
    expect((await getQueue(moderator)).items.some((i) => i.id === published.id)).toBe(false);
    expect((await db.moderationAction.findMany({ where: { postId: published.id } })).map((a) => a.action)).toEqual([
      "report",
      "dismiss_report",
    ]);
  });

  it("bans a guest: their next posts, by cookie or email, go to spam while they see them awaiting moderation", async () => {
    const visitor = guest();
    const post = await ask("Buy my course", visitor, "Seller@Example.com");
    await moderate(moderator, "ban", post.id, { reason: "Advertising" });
    expect(await isBanned({ userId: null, guestKey: null, guestEmail: "seller@example.com", ipHash: null })).toBe(true);
    expect((await ask("Buy it today", visitor)).status).toBe("spam");
    const next = await ask("Buy it now", { ...visitor, guestKey: "new-cookie" }, "seller@example.com");
    expect(next.status).toBe("spam");
    const mine = (await getArticlePage(DEMO_ARTICLE, {}, { guestKey: "new-cookie", userId: null }))!;
    expect(mine.pendingQuestions.map((q) => q.pending)).toEqual([true]);
  });

  it("holds a banned account by the account alone, never the other people at its address", async () => {
    const shared = "ip-shared-by-a-household";
    const { user: banned } = await userWithSession("reader");
    const { user: trusted } = await userWithSession("reader");
    await db.post.create({
      data: { articleId: article.id, userId: trusted.id, bodySource: "t", bodyHtml: "t", status: "published" },
    });
    const reader = (userId: string) => guest({ userId, role: "reader", guestKey: null, ipHash: shared });
    const post = await ask("Spam from an account", reader(banned.id));
    await moderate(moderator, "ban", post.id, { reason: "Advertising" });
    expect((await ask("Still selling", reader(banned.id))).status).toBe("spam");
    // Same address: the trusted reader still publishes at once, a new guest waits as usual.
    expect((await ask("A real question from the same house", reader(trusted.id))).status).toBe("published");
    expect((await ask("A guest in the same house", guest({ ipHash: shared }))).status).toBe("pending");
    const bans = await db.ban.findMany({ where: { userId: banned.id } });
    expect(bans.map((b) => b.ipHash)).toEqual([null]);
  });

  it("bans an address only when the moderator chooses it, and then holds guests from it, not accounts", async () => {
    const address = "ip-of-a-spammer";
    const post = await ask("Cheap pills", guest({ ipHash: address }));
    await moderate(moderator, "ban", post.id, { reason: "Spam run", banAddress: true });
    expect((await ask("Cheap pills again", guest({ ipHash: address }))).status).toBe("spam");
    const { user: reader } = await userWithSession("reader");
    await db.post.create({
      data: { articleId: article.id, userId: reader.id, bodySource: "r", bodyHtml: "r", status: "published" },
    });
    const fromAccount = await ask(
      "My own question",
      guest({ userId: reader.id, role: "reader", guestKey: null, ipHash: address }),
    );
    expect(fromAccount.status).toBe("published");
    const audit = await db.moderationAction.findMany({ where: { postId: post.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["ban", "ban_address"]);
  });

  it("holds posts with banned words, flagged", async () => {
    await setSetting("bannedWords", "miracle cure\ncasino");
    const post = await ask("Is there a Miracle Cure for this?", guest());
    const stored = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(stored.flags).toContain("banned-word");
    const { user: trusted } = await userWithSession("reader");
    await db.post.create({
      data: { articleId: article.id, userId: trusted.id, bodySource: "x", bodyHtml: "x", status: "published" },
    });
    const result = await submitPost(
      article,
      { body: "casino tips", section: "article" },
      { ...guest(), userId: trusted.id, role: "reader", guestKey: null },
    );
    expect(result.ok && result.post.status).toBe("pending");
    await setSetting("bannedWords", "");
  });
});

describe("undo", () => {
  it("takes back an approval within the minute: pending again, its number given back, the undo logged", async () => {
    const before = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { lastQuestionNumber: true },
    });
    const post = await ask("Is it too late to undo the first message?");
    const approved = await moderate(moderator, "approve", post.id, { expectedRevision: 0 });
    expect(approved.number).toBe(before.lastQuestionNumber + 1);
    expect(approved.actionId).toEqual(expect.any(Number));

    expect(await undoDecision(moderator, approved.actionId!)).toEqual({ postId: post.id, status: "pending" });
    const after = await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { status: true, number: true } });
    expect(after).toEqual({ status: "pending", number: null });
    expect(
      (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { lastQuestionNumber: true } }))
        .lastQuestionNumber,
    ).toBe(before.lastQuestionNumber);
    expect(await db.moderationAction.findFirst({ where: { postId: post.id, action: "undo" } })).toMatchObject({
      actorId: moderator.id,
      reason: "Approved",
    });
    // Once is enough: the same undo again, or one after the post changed, is refused.
    expect(await refusal(undoDecision(moderator, approved.actionId!))).toBe(409);
  });

  it("restores a rejected reported post to the page with its reports open, for the moderator who decided only", async () => {
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[1];
    const reply = await submitPost(
      article,
      { name: "U", body: "A reply someone reports", parentId: String(question.id) },
      guest(),
    );
    if (!reply.ok) throw new Error("reply refused");
    await moderate(moderator, "approve", reply.post.id);
    await reportPost(reply.post.id, "Off topic", "reporter-u");
    const count = async () =>
      (await db.post.findUniqueOrThrow({ where: { id: question.id }, select: { replyCount: true } })).replyCount;
    const replies = await count();
    const rejected = await moderate(moderator, "reject", reply.post.id);
    expect(await count()).toBe(replies - 1);

    const other = (await userWithSession("moderator")).user;
    expect(await refusal(undoDecision(other, rejected.actionId!))).toBe(403);
    await undoDecision(moderator, rejected.actionId!);
    const post = await db.post.findUniqueOrThrow({
      where: { id: reply.post.id },
      select: { status: true, flags: true },
    });
    expect(post).toEqual({ status: "published", flags: expect.stringContaining("reported") });
    expect(await count()).toBe(replies);
    expect(await db.report.count({ where: { postId: reply.post.id, resolvedAt: null } })).toBe(1);
  });

  it("refuses after the minute, and a ban cannot be undone this way", async () => {
    const post = await ask("What if I already broke no contact twice?");
    const spammed = await moderate(moderator, "spam", post.id);
    await db.moderationAction.update({
      where: { id: spammed.actionId! },
      data: { createdAt: new Date(Date.now() - 61_000) },
    });
    expect(await refusal(undoDecision(moderator, spammed.actionId!))).toBe(409);
    const banned = await moderate(moderator, "ban", (await ask("A question from a writer about to be banned")).id);
    expect(banned.actionId).toBeNull();
    const ban = await db.moderationAction.findFirstOrThrow({ where: { action: "ban" }, orderBy: { id: "desc" } });
    expect(await refusal(undoDecision(moderator, ban.id))).toBe(404);
  });
});

describe("the queue", () => {
  it("lists pending posts oldest first with what moderators need, in a fixed number of queries", async () => {
    for (let i = 0; i < 30; i++) await ask(`Queued question ${i}`, guest(), i % 2 ? `w${i}@example.com` : "");
    let queries = 0;
    const stop = onQuery(() => queries++);
    const first = await getQueue(moderator, 1);
    stop();
    expect(first.items).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    expect(first.items.map((i) => i.id)).toEqual([...first.items.map((i) => i.id)].sort((a, b) => a - b));
    expect(first.items[0]).toMatchObject({ article: { slug: DEMO_ARTICLE }, writer: { firstPost: true } });
    expect(first.counts.pending).toBeGreaterThanOrEqual(30);
    // The second page's questions have words to compare with the published ones, every one of them:
    // the possible-duplicate lookup is two queries for the whole page, however many it compares.
    for (let i = 0; i < 30; i++)
      await ask(`Does looking at his stories count as breaking no contact? Asking for the ${i}th time.`);
    let again = 0;
    const stop2 = onQuery(() => again++);
    const second = await getQueue(moderator, 2);
    stop2();
    const repeats = second.items.filter((item) => item.bodyHtml.includes("Does looking at his stories"));
    expect(repeats.length).toBeGreaterThan(5);
    expect(repeats.every((item) => item.duplicateOf !== null && item.flags.includes("possible duplicate"))).toBe(true);
    expect(again).toBeLessThanOrEqual(queries + 2);
  });

  it("names posts in the audit log by their question's number, marks the cuts, and reaches every page", async () => {
    const question = await ask("Which number will the log show for this one?");
    await moderate(moderator, "approve", question.id);
    const { number } = await db.post.findUniqueOrThrow({ where: { id: question.id } });
    const first = await getAuditLog(moderator, {}, 1);
    expect(first.entries.find((e) => e.postId === question.id)?.postLabel).toMatch(
      new RegExp(`^Question ${number} by `),
    );
    // A moderator reaches the writer's history from the entry; an author, who has no such page, is not linked.
    const visitor = guest();
    const theirs = await ask("Whose history does the log link?", visitor);
    await moderate(moderator, "approve", theirs.id);
    const entry = (await getAuditLog(moderator, {}, 1)).entries.find((e) => e.postId === theirs.id);
    expect(entry?.writerHref).toBe(`/moderation/writers/${encodeURIComponent(`guest-${visitor.guestKey}`)}`);
    const author = (await userWithSession("author")).user;
    await db.article.update({ where: { id: article.id }, data: { authorId: author.id } });
    const authorsView = (await getAuditLog(author, {}, 1)).entries.find((e) => e.postId === theirs.id);
    expect(authorsView?.postLabel).toBe(entry?.postLabel);
    expect(authorsView?.writerHref).toBeNull();
    const cut = first.entries.find((e) => e.action === "edit_length");
    expect(cut?.cuts?.some((part) => part.removed)).toBe(true);
    for (let i = 0; i < LOG_PAGE_SIZE; i++) await moderate(moderator, "reject", (await ask(`Filler question ${i}`)).id);
    const last = await getAuditLog(moderator, {}, 99);
    expect(last.pageCount).toBeGreaterThan(1);
    expect(last.page).toBe(last.pageCount);
    expect(last.entries.length).toBeGreaterThan(0);
  });

  it("keeps an audit log filterable by actor, action and date", async () => {
    const all = await getAuditLog(moderator, {});
    expect(all.total).toBeGreaterThan(5);
    const mine = await getAuditLog(moderator, { actor: moderator.id, action: "edit_length" });
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(mine.entries.every((e) => e.action === "edit_length")).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await getAuditLog(moderator, { from: today, to: today })).total).toBe(
      all.total - (await getAuditLog(moderator, { to: yesterday })).total,
    );
    expect((await getAuditLog(moderator, { from: "2000-01-01", to: "2000-01-02" })).total).toBe(0);
  });
});
