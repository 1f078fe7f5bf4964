// A writer's own post: edited within the window with the text before kept,
// back to the queue when an untrusted writer changes a published text, deleted
// as a status; and nobody else's.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { moderate } from "~/moderation/moderate.server";
import { deleteOwnPost, editOwnPost } from "~/posts/own-posts.server";
import { createPost } from "~/posts/posts.server";
import { setSetting } from "~/settings/settings.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { userWithSession } from "../support/users";
import { refusalStatus } from "../support/factories";

let articleId: string;
let moderator: { id: string; role: string };
const guest = (key: string) => ({ userId: null, role: null, guestKey: key });
const refusal = refusalStatus;

beforeAll(async () => {
  await seed();
  articleId = (await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } })).id;
  moderator = (await userWithSession("moderator")).user;
});

describe("a writer's own post", () => {
  it("is edited within the window, keeping the text before, and a pending post stays pending", async () => {
    const post = await createPost({
      articleId,
      guestName: "G",
      guestKey: "own-1",
      body: "How long is the first stretch?",
      status: "pending",
    });
    expect(await editOwnPost(guest("own-1"), post.id, "How long should the first stretch of silence be?")).toEqual({
      status: "pending",
      changed: true,
    });
    const stored = await db.post.findUniqueOrThrow({ where: { id: post.id }, include: { revisions: true } });
    expect(stored.bodySource).toBe("How long should the first stretch of silence be?");
    expect(stored.editedAt).not.toBeNull();
    expect(stored.revisions.map((r) => r.bodySource)).toEqual(["How long is the first stretch?"]);
    expect(await db.moderationAction.count({ where: { postId: post.id, action: "edit_own" } })).toBe(1);
  });

  it("goes back to the queue when a writer who is not trusted changes a published text", async () => {
    const question = await createPost({
      articleId,
      guestName: "Q",
      body: "A question to reply under here",
      status: "published",
    });
    const reply = await createPost({
      articleId,
      parentId: question.id,
      guestName: "G",
      guestKey: "own-2",
      body: "First version",
      status: "pending",
    });
    await moderate(moderator, "approve", reply.id);
    const before = (await db.post.findUniqueOrThrow({ where: { id: question.id } })).replyCount;
    expect(
      (await editOwnPost(guest("own-2"), reply.id, "Something else entirely, with a link www.example.com")).status,
    ).toBe("pending");
    expect((await db.post.findUniqueOrThrow({ where: { id: question.id } })).replyCount).toBe(before - 1);
    // Approved again, it counts again.
    await moderate(moderator, "approve", reply.id);
    expect((await db.post.findUniqueOrThrow({ where: { id: question.id } })).replyCount).toBe(before);
  });

  it("stays published when a trusted reader edits it", async () => {
    const { user } = await userWithSession("reader");
    const reader = { userId: user.id, role: "reader", guestKey: null };
    await createPost({ articleId, userId: user.id, body: "An approved earlier question", status: "published" });
    const post = await createPost({
      articleId,
      userId: user.id,
      body: "My question, first words",
      status: "published",
    });
    expect((await editOwnPost(reader, post.id, "My question, better words")).status).toBe("published");
  });

  it("is nobody else's: another reader, guest or staff member gets not found", async () => {
    const post = await createPost({
      articleId,
      guestName: "G",
      guestKey: "own-3",
      body: "Mine and only mine here",
      status: "published",
    });
    const { user } = await userWithSession("reader");
    expect(
      await refusal(editOwnPost({ userId: user.id, role: "reader", guestKey: null }, post.id, "Hijacked text here")),
    ).toBe(404);
    expect(await refusal(editOwnPost(guest("someone-else"), post.id, "Hijacked text here"))).toBe(404);
    expect(
      await refusal(
        editOwnPost(
          { userId: moderator.id, role: "moderator", guestKey: null },
          post.id,
          "Staff edits go through moderation",
        ),
      ),
    ).toBe(404);
    expect(await refusal(deleteOwnPost(guest("someone-else"), post.id))).toBe(404);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).bodySource).toBe("Mine and only mine here");
  });

  it("can no longer be edited after the window, and refuses bad text, but can be deleted", async () => {
    const post = await createPost({
      articleId,
      guestName: "G",
      guestKey: "own-4",
      body: "An older question of mine",
      status: "published",
    });
    expect(await refusal(editOwnPost(guest("own-4"), post.id, "   "))).toBe(400);
    await db.post.update({ where: { id: post.id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await refusal(editOwnPost(guest("own-4"), post.id, "A changed question of mine"))).toBe(403);
    await setSetting("editMinutes", 30);
    expect((await editOwnPost(guest("own-4"), post.id, "A changed question of mine")).changed).toBe(true);
    await setSetting("editMinutes", 15);
    await deleteOwnPost(guest("own-4"), post.id);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).status).toBe("deleted");
    expect(await db.moderationAction.count({ where: { postId: post.id, action: "delete_own" } })).toBe(1);
  });

  it("is not deleted from under the replies of others", async () => {
    const question = await createPost({
      articleId,
      guestName: "G",
      guestKey: "own-5",
      body: "A question others answered",
      status: "published",
    });
    await createPost({ articleId, parentId: question.id, guestName: "H", body: "An answer", status: "published" });
    expect(await refusal(deleteOwnPost(guest("own-5"), question.id))).toBe(409);
  });
});
