import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { getArticlePage } from "~/articles/article-page.server";
import { syncContent } from "~/content/sync.server";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { articleDir, writeArticle } from "../support/content";

const dir = articleDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("content sync", () => {
  it("stores articles and sections, links the author's account, and skips unchanged files", async () => {
    const ada = await db.user.create({ data: { email: "ada@example.com", displayName: "Ada Writer", role: "author" } });
    writeArticle(dir, "first", [
      { id: "one", title: "One" },
      { id: "two", title: "Two" },
    ]);
    const report = await syncContent(dir);
    expect(report.created).toEqual(["first"]);
    const article = await db.article.findUniqueOrThrow({
      where: { slug: "first" },
      include: { sections: { orderBy: { position: "asc" } } },
    });
    expect(article.authorId).toBe(ada.id);
    expect(article.sections.map((s) => [s.anchor, s.title, s.position])).toEqual([
      ["one", "One", 0],
      ["two", "Two", 1],
    ]);
    expect((await syncContent(dir)).unchanged).toEqual(["first"]);
  });

  it("keeps a removed section's questions, reports them, and shows them under the whole article", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: "first" }, include: { sections: true } });
    const two = article.sections.find((s) => s.anchor === "two")!;
    const question = await createPost({
      articleId: article.id,
      sectionId: two.id,
      guestName: "Reader",
      body: "A question about two.",
      status: "published",
    });

    writeArticle(dir, "first", [
      { id: "one", title: "One, renamed" },
      { id: "three", title: "Three" },
    ]);
    const report = await syncContent(dir);
    expect(report.updated).toEqual(["first"]);
    expect(report.removedSections).toEqual([{ article: "first", anchor: "two", title: "Two", posts: 1 }]);

    const kept = await db.post.findUniqueOrThrow({ where: { id: question.id } });
    expect(kept.sectionId).toBe(two.id);
    const page = await getArticlePage("first");
    expect(page!.sections.map((s) => s.anchor)).toEqual(["one", "three"]);
    expect(page!.sections[0].title).toBe("One, renamed");
    expect(page!.threads[0].section).toBeNull();
    expect(page!.questionCount).toBe(1);

    // Putting the heading back brings its questions back to it.
    writeArticle(dir, "first", [
      { id: "one", title: "One" },
      { id: "two", title: "Two" },
    ]);
    await syncContent(dir);
    expect((await getArticlePage("first"))!.threads[0].section).toEqual({ anchor: "two", title: "Two" });
  });

  it("reports a broken file without stopping the others", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dir}/broken.md`, "no front matter here");
    const report = await syncContent(dir);
    expect(report.errors).toEqual([{ file: `${dir}/broken.md`, message: expect.stringMatching(/front matter/) }]);
    expect(report.unchanged).toContain("first");
  });
});
