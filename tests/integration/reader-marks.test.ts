// Readers' marks: "I have this question too" on a question, "This answered
// my question" on a reply. One per visitor, taken back by that visitor alone,
// counted on the post without moving its dates, rate-limited per visitor and
// per address, cleared by a moderator (kept, logged), and "This is my
// question" from the ask form: a mark and a follow, no post.
import { beforeAll, describe, expect, it } from "vitest";
import { articleVersion } from "~/articles/versions.server";
import { db } from "~/db.server";
import { clearReaderMarks } from "~/moderation/moderate.server";
import { createPost } from "~/posts/posts.server";
import { MARKS_PER_WINDOW, addMark, marksOf, takeBackMark } from "~/posts/reader-marks.server";
import { postAction } from "~/posts/post-action.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { userWithSession } from "../support/users";
import { refusalStatus } from "../support/factories";

let articleId: string;
let question: { id: number };
let answer: { id: number };
const guest = (key: string, ipHash: string | null = `ip-${key}`) => ({ userId: null, guestKey: key, ipHash });
const refusal = refusalStatus;
const counts = (id: number) =>
  db.post.findUniqueOrThrow({ where: { id }, select: { meTooCount: true, answeredCount: true, updatedAt: true } });

beforeAll(async () => {
  await seed();
  articleId = (await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } })).id;
  question = await createPost({
    articleId,
    guestName: "Asker",
    guestKey: "asker",
    body: "Is a birthday card during the silence a message?",
    status: "published",
  });
  answer = await createPost({
    articleId,
    parentId: question.id,
    guestName: "Helper",
    guestKey: "helper",
    body: "A card is a message; wait.",
    status: "published",
  });
});

describe("readers' marks", () => {
  it("counts one per visitor, lets that visitor take it back, and leaves the post's dates alone", async () => {
    const before = await counts(question.id);
    const version = await articleVersion(DEMO_ARTICLE);
    expect((await addMark({ postId: question.id, kind: "me-too", marker: guest("m1") })).count).toBe(1);
    const again = await addMark({ postId: question.id, kind: "me-too", marker: guest("m1") });
    expect(again).toMatchObject({ count: 1, added: false });
    expect((await addMark({ postId: question.id, kind: "me-too", marker: guest("m2") })).count).toBe(2);
    const after = await counts(question.id);
    expect(after.meTooCount).toBe(2);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    // The shared pages, which show the count, move on.
    expect(await articleVersion(DEMO_ARTICLE)).not.toBe(version);
    expect(await marksOf(guest("m1"), [question.id, answer.id])).toEqual(new Set([`me-too:${question.id}`]));

    // Another visitor cannot take m1's mark back; m1 can.
    expect(await refusal(takeBackMark({ postId: question.id, kind: "me-too", marker: guest("m3") }))).toBe(404);
    expect((await takeBackMark({ postId: question.id, kind: "me-too", marker: guest("m1") })).count).toBe(1);
    expect((await counts(question.id)).meTooCount).toBe(1);
  });

  it("refuses the wrong kind, forged and hidden posts, one's own post, and a visitor without a key", async () => {
    expect(await refusal(addMark({ postId: answer.id, kind: "me-too", marker: guest("k1") }))).toBe(400);
    expect(await refusal(addMark({ postId: question.id, kind: "answered", marker: guest("k1") }))).toBe(400);
    expect(await refusal(addMark({ postId: 99_999_999, kind: "me-too", marker: guest("k1") }))).toBe(404);
    const pending = await createPost({ articleId, guestName: "P", body: "Still waiting here?", status: "pending" });
    expect(await refusal(addMark({ postId: pending.id, kind: "me-too", marker: guest("k1") }))).toBe(404);
    expect(await refusal(addMark({ postId: question.id, kind: "me-too", marker: guest("asker") }))).toBe(400);
    expect(await refusal(addMark({ postId: answer.id, kind: "answered", marker: guest("helper") }))).toBe(400);
    const nobody = { userId: null, guestKey: null, ipHash: "x" };
    expect(await refusal(addMark({ postId: question.id, kind: "me-too", marker: nobody }))).toBe(400);
    expect(await db.readerMark.count({ where: { visitor: "guest:k1" } })).toBe(0);
  });

  it("counts answers that answered readers, and a storm from one address stops at the limit", async () => {
    expect((await addMark({ postId: answer.id, kind: "answered", marker: guest("a1") })).count).toBe(1);
    const storm = [];
    for (let i = 0; i < MARKS_PER_WINDOW + 5; i++) {
      storm.push(
        await refusal(addMark({ postId: question.id, kind: "me-too", marker: guest(`storm-${i}`, "one-address") })),
      );
    }
    expect(storm.filter((status) => status === null)).toHaveLength(MARKS_PER_WINDOW);
    expect(storm.filter((status) => status === 429)).toHaveLength(5);
  });

  it("is cleared by a moderator: kept, logged, counted no more, and not added again", async () => {
    const { user: moderator } = await userWithSession("moderator");
    const before = (await counts(question.id)).meTooCount;
    expect(before).toBeGreaterThan(0);
    const cleared = await clearReaderMarks(moderator, question.id, "me-too");
    expect(cleared).toBe(before);
    expect((await counts(question.id)).meTooCount).toBe(0);
    expect(await db.readerMark.count({ where: { postId: question.id, kind: "me-too" } })).toBe(before);
    expect(await db.moderationAction.count({ where: { postId: question.id, action: "clear_marks" } })).toBe(1);
    const again = await addMark({ postId: question.id, kind: "me-too", marker: guest("m2") });
    expect(again).toMatchObject({ count: 0, added: false });
    const { user: reader } = await userWithSession("reader");
    await expect(clearReaderMarks({ id: reader.id, role: reader.role }, question.id, "me-too")).rejects.toMatchObject({
      status: 403,
    });
  });

  it("“This is my question” from the ask form counts the reader, follows the thread, and posts nothing", async () => {
    const posts = await db.post.count();
    const form = new URLSearchParams({
      mine: String(question.id),
      name: "Rita",
      email: "rita@example.org",
      section: "article",
      body: "Can I send a card on her birthday?",
    });
    const request = new Request(`http://localhost/articles/${DEMO_ARTICLE}`, {
      method: "POST",
      body: form,
      headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    });
    const response = (await postAction(request, DEMO_ARTICLE)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(new RegExp(`/questions/\\d+#post-${question.id}$`));
    expect(response.headers.get("Set-Cookie")).toMatch(/aw_guest|guest/);
    expect(await db.post.count()).toBe(posts);
    expect((await counts(question.id)).meTooCount).toBe(1);
    const address = await db.mailAddress.findFirstOrThrow({ where: { address: "rita@example.org" } });
    expect(await db.subscription.count({ where: { addressId: address.id, rootId: question.id } })).toBe(1);
    // A guest's address is confirmed first: the link is what is sent.
    expect(await db.outboxEmail.count({ where: { toAddress: "rita@example.org", kind: "confirm" } })).toBe(1);
  });
});
