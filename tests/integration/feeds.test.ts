// The Atom feeds, read by a real feed parser: the author's answers and one
// thread, only published posts, no email addresses, and 304 for a reader
// who already has them.
import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { loader as answersLoader } from "~/routes/articles.$slug_.answers[.]atom";
import { loader as threadFeedLoader } from "~/routes/articles.$slug_.questions.$number_.feed[.]atom";
import { loader as threadLoader } from "~/routes/articles.$slug_.questions.$number";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

async function answers(headers: Record<string, string> = {}) {
  return (await answersLoader({
    request: get(`/articles/${DEMO_ARTICLE}/answers.atom`, headers),
    params: { slug: DEMO_ARTICLE },
    context: {},
  })) as Response;
}

beforeAll(async () => {
  await seed();
});

describe("Atom feeds", () => {
  it("dates each entry by when its text last changed, not by when the rows were written or counted", async () => {
    // The seed wrote the demo's rows today; their posts were published months before.
    const feed = parseFeed(await (await answers()).text());
    const entries = await db.post.findMany({
      where: { article: { slug: DEMO_ARTICLE }, user: { email: "nora@afterword.example" }, parentId: { not: null } },
      select: { publishedAt: true, editedAt: true },
    });
    const newest = Math.max(...entries.map((p) => Math.max(p.publishedAt!.getTime(), p.editedAt?.getTime() ?? 0)));
    for (const item of feed.items) expect(item.updated!.getTime()).toBeLessThanOrEqual(newest);
    expect(feed.updated!.getTime()).toBe(newest);
    expect(Date.now() - feed.updated!.getTime()).toBeGreaterThan(24 * 3_600_000);
  });

  it("lists the author's published answers, newest first, each naming its question, with no email in it", async () => {
    const response = await answers();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toMatch(/^Nora Whitfield’s answers on “/);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(item.title).toMatch(/^Answer to question \d+, from /);
    const dates = feed.items.map((item) => item.published!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(xml).not.toMatch(/@(example|afterword\.example)/);
  });

  it("keeps unpublished posts out of a thread's feed", async () => {
    const question = await db.post.findFirstOrThrow({
      where: { article: { slug: DEMO_ARTICLE }, parentId: null, number: 1 },
    });
    await createPost({
      articleId: question.articleId,
      parentId: question.id,
      guestName: "Hidden Hal",
      body: "A reply still waiting for a moderator.",
      status: "pending",
    });
    // The public address forwards to the feed.
    const forward = await threadLoader({
      request: get(`/articles/${DEMO_ARTICLE}/questions/1.atom`),
      params: { slug: DEMO_ARTICLE, number: "1.atom" },
      context: {},
    }).catch((thrown: unknown) => thrown as Response);
    expect((forward as Response).headers.get("Location")).toBe(`/articles/${DEMO_ARTICLE}/questions/1/feed.atom`);
    const response = (await threadFeedLoader({
      request: get(`/articles/${DEMO_ARTICLE}/questions/1/feed.atom`),
      params: { slug: DEMO_ARTICLE, number: "1" },
      context: {},
    })) as Response;
    const feed = parseFeed(await response.text());
    expect(feed.items[0].title).toMatch(/^Question 1 from /);
    const published = await db.post.count({ where: { rootId: question.id, status: "published" } });
    expect(feed.items).toHaveLength(published + 1);
    expect(feed.items.map((i) => i.content ?? "").join(" ")).not.toContain("still waiting for a moderator");
  });

  it("answers 304 to a reader who has these bytes, and 200 again when an answer is added", async () => {
    const first = await answers();
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await answers({ "If-None-Match": etag })).status).toBe(304);
    expect((await answers({ "If-Modified-Since": first.headers.get("Last-Modified")! })).status).toBe(304);
    const nora = await db.user.findUniqueOrThrow({ where: { email: "nora@afterword.example" } });
    const question = await db.post.findFirstOrThrow({ where: { article: { slug: DEMO_ARTICLE }, number: 2 } });
    await createPost({
      articleId: question.articleId,
      parentId: question.id,
      userId: nora.id,
      body: "A later answer, so the feed changes.",
      status: "published",
    });
    const changed = await answers({ "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("answers 404 for an article or question that does not exist", async () => {
    const response = (await answersLoader({
      request: get("/articles/nope/answers.atom"),
      params: { slug: "nope" },
      context: {},
    })) as Response;
    expect(response.status).toBe(404);
  });
});
