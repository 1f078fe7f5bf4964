import { describe, expect, it } from "vitest";
import { getArticlePage, getThreadPage } from "~/articles/article-page.server";
import { db, onQuery } from "~/db.server";
import { loader as articleLoader } from "~/routes/articles.$slug/route";
import { loader as threadLoader } from "~/routes/articles.$slug_.questions.$number";
import { syncContent } from "~/content/sync.server";
import { DEMO_ARTICLE, seed, seedGeneratedPosts } from "../../scripts/seed/seed";
import { articleDir, writeArticle } from "../support/content";

async function countQueries<T>(work: () => Promise<T>) {
  let count = 0;
  const stop = onQuery(() => count++);
  try {
    const result = await work();
    return { count, result };
  } finally {
    stop();
  }
}

async function loadStatus(work: () => Promise<unknown>) {
  try {
    await work();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("the article page", () => {
  let staff: Record<string, string>;

  it("reads a fixed number of queries with 10 published posts, with 1,000 and with 5,000", async () => {
    await seed();
    const users = await db.user.findMany({ select: { id: true, role: true } });
    staff = Object.fromEntries(users.map((u) => [u.role, u.id]));
    const dir = articleDir();
    writeArticle(dir, "load", [
      { id: "a", title: "A" },
      { id: "b", title: "B" },
    ]);
    await syncContent(dir);
    const published = () => db.post.count({ where: { article: { slug: "load" }, status: "published" } });

    await seedGeneratedPosts("load", 10, staff);
    expect(await published()).toBe(10);
    const small = await countQueries(() => getArticlePage("load"));

    await seedGeneratedPosts("load", 1000, staff);
    expect(await published()).toBe(1000);
    const large = await countQueries(() => getArticlePage("load"));
    expect(large.result!.threads).toHaveLength(20);
    expect(large.result!.pageCount).toBeGreaterThan(5);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);

    await seedGeneratedPosts("load", 5000, staff);
    expect(await published()).toBe(5000);
    const largest = await countQueries(() => getArticlePage("load", { page: 30 }));
    expect(largest.result!.threads).toHaveLength(20);
    expect(largest.count).toBe(small.count);
    // A guest who has written costs one query more (their pending posts with their writers), whatever the numbers.
    const writer = await countQueries(() => getArticlePage("load", {}, { guestKey: "someone", userId: null }));
    expect(writer.count).toBe(small.count + 1);
  }, 180_000); // 5,000 posts written one by one, as the app writes them: close to a minute on PostgreSQL here

  it("numbers questions in publication order and keeps numbers across sorts and pages", async () => {
    const oldest = (await getArticlePage(DEMO_ARTICLE))!;
    expect(oldest.questionCount).toBe(14);
    expect(oldest.threads.map((t) => t.number)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    const newest = (await getArticlePage(DEMO_ARTICLE, { sort: "newest" }))!;
    expect(newest.threads[0].number).toBe(14);
    expect(newest.threads[0].writer).toBe(oldest.threads[13].writer);
    const second = (await getArticlePage("load", { page: 2 }))!;
    expect(second.threads[0].number).toBe(21);
  });

  it("nests replies, marks the article author's posts and names each question's section", async () => {
    const page = (await getArticlePage(DEMO_ARTICLE))!;
    const first = page.threads[0];
    expect(first.writer).toBe("Tomasz");
    expect(first.section).toEqual({ anchor: "how-long", title: "How long should no contact last?" });
    const answer = first.replies[0];
    expect(answer.byArticleAuthor).toBe(true);
    expect(answer.writer).toBe("Nora Whitfield");
    expect(answer.replies[0].replies[0].replies[0].depth).toBe(5);
    expect(first.byArticleAuthor).toBe(false);
    const wholeArticle = page.threads.find((t) => t.writer === "Sofia")!;
    expect(wholeArticle.section).toBeNull();
  });

  it("shows a moderator's cut as a marker while the original is kept", async () => {
    const page = (await getArticlePage(DEMO_ARTICLE))!;
    const trimmed = page.threads.find((t) => t.writer === "Ravi")!;
    expect(trimmed.bodyHtml).toContain('aria-label="Edited for length by a moderator"');
    const revision = await db.postRevision.findFirstOrThrow({ where: { postId: trimmed.id } });
    expect(revision.bodySource).toContain("long distance for eight months");
    expect(trimmed.bodyHtml).not.toContain("long distance");
  });

  it("filters by section and counts each section's questions", async () => {
    const page = (await getArticlePage(DEMO_ARTICLE, { section: "unavoidable-contact" }))!;
    expect(page.filter).toEqual({
      anchor: "unavoidable-contact",
      title: "If you can’t avoid your ex completely",
      questionCount: 2,
    });
    expect(page.threads.map((t) => t.writer)).toEqual(["Priya", "Hannah"]);
    expect(page.sections.find((s) => s.anchor === "how-long")!.questionCount).toBe(3);
  });

  it("answers 404 for unknown articles and questions through the route loaders", async () => {
    const request = (path: string) => new Request(`http://localhost${path}`);
    expect(
      await loadStatus(() =>
        articleLoader({ request: request("/articles/nope"), params: { slug: "nope" }, context: {} }),
      ),
    ).toBe(404);
    const { data: ok } = await articleLoader({
      request: request(`/articles/${DEMO_ARTICLE}?sort=bogus&page=999`),
      params: { slug: DEMO_ARTICLE },
      context: {},
    });
    expect(ok.sort).toBe("oldest");
    expect(ok.page).toBe(ok.pageCount);
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[0];
    for (const number of ["abc", "0", "-1", "1.5", "999999"]) {
      expect(
        await loadStatus(() =>
          threadLoader({ request: request("/"), params: { slug: DEMO_ARTICLE, number }, context: {} }),
        ),
      ).toBe(404);
    }
    const thread = await getThreadPage(DEMO_ARTICLE, question.number!);
    expect(thread!.replyCount).toBe(4);
  });
});

describe("generated posts for load testing", () => {
  it("come after the demo's own posts, so that newest first shows them first", async () => {
    await seed();
    const staff = Object.fromEntries(
      (await db.user.findMany({ select: { id: true, role: true } })).map((u) => [u.role, u.id]),
    );
    await seedGeneratedPosts(DEMO_ARTICLE, 20, staff);
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const newestDemo = await db.post.findFirstOrThrow({
      where: { articleId: article.id, NOT: { externalId: { startsWith: "gen-" } } },
      orderBy: { createdAt: "desc" },
    });
    const oldestGenerated = await db.post.findFirstOrThrow({
      where: { articleId: article.id, externalId: { startsWith: "gen-" } },
      orderBy: { createdAt: "asc" },
    });
    expect(oldestGenerated.createdAt.getTime()).toBeGreaterThan(newestDemo.createdAt.getTime());
  });
});

describe("permalinks", () => {
  it("lead to the question by its number, and a pending post only for its writer", async () => {
    await seed();
    const { permalinkTarget } = await import("~/articles/article-page.server");
    const { createPost } = await import("~/posts/posts.server");
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[1];
    expect(await permalinkTarget(DEMO_ARTICLE, question.id)).toEqual({
      path: `/articles/${DEMO_ARTICLE}/questions/${question.number}#post-${question.id}`,
      permanent: true,
    });
    const writer = { guestKey: "permalink-writer", userId: null };
    const pendingQuestion = await createPost({
      articleId: article.id,
      guestName: "P",
      guestKey: writer.guestKey,
      body: "A pending question with a permalink",
      status: "pending",
    });
    const pendingReply = await createPost({
      articleId: article.id,
      parentId: question.id,
      guestName: "P",
      guestKey: writer.guestKey,
      body: "A pending reply",
      status: "pending",
    });
    expect(await permalinkTarget(DEMO_ARTICLE, pendingQuestion.id, writer)).toEqual({
      path: `/articles/${DEMO_ARTICLE}#post-${pendingQuestion.id}`,
      permanent: false,
    });
    expect((await permalinkTarget(DEMO_ARTICLE, pendingReply.id, writer))?.path).toBe(
      `/articles/${DEMO_ARTICLE}/questions/${question.number}#post-${pendingReply.id}`,
    );
    expect(await permalinkTarget(DEMO_ARTICLE, pendingQuestion.id)).toBeNull();
    expect(await permalinkTarget("how-to-plan-a-month-of-no-contact", question.id)).toBeNull();
  });
});
