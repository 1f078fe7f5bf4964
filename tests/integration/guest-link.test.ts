// A guest's own link: the confirmation email a guest receives carries a link
// to their posts, from which they delete any of them or stop all mail to the
// address; the link acts on that guest's posts alone. SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { submitPost } from "~/posts/intake.server";
import * as page from "~/routes/subscriptions._index";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { guestVisitor } from "../support/factories";
import { siteRequest, userWithSession } from "../support/users";

let article: { id: string; slug: string };
beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
});

async function ask(body: string, email: string, visitor = guestVisitor({ guestKey: `g-${Math.random()}` })) {
  const result = await submitPost(article, { name: "Ines", email, body, section: "article", subscribe: "on" }, visitor);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.post;
}
const outcome = async (work: () => Promise<unknown>) => {
  try {
    const answer = await work();
    return answer instanceof Response ? answer.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
};

describe("a guest's link to their posts", () => {
  it("comes in the confirmation email, lists the guest's posts, deletes one, and stops all mail", async () => {
    const first = await ask("Does the silence count from the last text or the last call?", "ines@example.com");
    const second = await ask("And if they text on my birthday?", "ines@example.com");
    const email = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "ines@example.com", kind: "confirm" } });
    const token = /\/subscriptions\?token=([\w-]+)/.exec(email.textBody)![1];
    expect(email.htmlBody).toContain(`/subscriptions?token=${token}`);

    const shown = (await page.loader({
      request: siteRequest(`/subscriptions?token=${token}`),
      params: {},
      context: {},
    })) as {
      posts: { id: number; pending: boolean }[];
    };
    expect(shown.posts.map((p) => p.id)).toEqual([second.id, first.id]);

    // Another guest's post, and a post an account wrote with the same email: not this link's to delete.
    const other = await ask("Someone else's question", "someone@example.com");
    const { user } = await userWithSession("reader", { email: "ines-account@example.com" });
    const accountPost = await db.post.create({
      data: {
        articleId: article.id,
        userId: user.id,
        guestEmail: "ines@example.com",
        bodySource: "a",
        bodyHtml: "a",
        status: "published",
      },
    });
    for (const id of [other.id, accountPost.id, 999_999]) {
      const request = siteRequest("/subscriptions", { form: { token, deletePost: String(id) } });
      expect(await outcome(() => page.action({ request, params: {}, context: {} }))).toBe(404);
    }
    expect((await db.post.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("pending");

    const request = siteRequest("/subscriptions", { form: { token, deletePost: String(first.id) } });
    expect(await outcome(() => page.action({ request, params: {}, context: {} }))).toBe(302);
    expect((await db.post.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("deleted");
    expect((await db.post.findUniqueOrThrow({ where: { id: first.id } })).bodySource).toContain("last text");

    const stop = siteRequest("/subscriptions", { form: { token, stop: "all" } });
    expect(await outcome(() => page.action({ request: stop, params: {}, context: {} }))).toBe(302);
    const address = await db.mailAddress.findUniqueOrThrow({ where: { address: "ines@example.com" } });
    expect(await db.subscription.count({ where: { addressId: address.id, stoppedAt: null } })).toBe(0);
    // A forged token acts on nothing.
    const forged = siteRequest("/subscriptions", { form: { token: "not-a-token", deletePost: String(second.id) } });
    expect(await outcome(() => page.action({ request: forged, params: {}, context: {} }))).toBe(410);
    expect((await db.post.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("pending");
  });
});
