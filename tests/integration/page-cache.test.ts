import { beforeAll, describe, expect, it } from "vitest";
import { CachedPage, articleVersion, rememberRendered, sharedPageData } from "~/articles/page-cache.server";
import { hasPersonalCookies } from "~/auth/visitor.server";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { loader } from "~/routes/articles.$slug/route";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";

const load = async (path = `/articles/${DEMO_ARTICLE}`, headers: Record<string, string> = {}) =>
  (
    await loader({
      request: new Request(`http://localhost${path}`, { headers }),
      params: { slug: DEMO_ARTICLE },
      context: {},
    })
  ).data;

beforeAll(async () => {
  await seed();
});

describe("the shared article page", () => {
  it("is one object for every reader until something on the article changes", async () => {
    const first = await load();
    expect(await load()).toBe(first);
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });

    // A guest's pending question changes nothing readers see, but the version moves on all the same.
    const before = await articleVersion(DEMO_ARTICLE);
    const pending = await createPost({
      articleId: article.id,
      guestName: "G",
      body: "New question?",
      status: "pending",
    });
    expect(await articleVersion(DEMO_ARTICLE)).not.toBe(before);
    const afterPending = await load();
    expect(afterPending).not.toBe(first);

    // Publishing shows it to everyone at once.
    await db.$transaction(async (tx) => (await import("~/posts/posts.server")).publishPost(pending.id, tx));
    const afterPublish = await load();
    expect(afterPublish).not.toBe(afterPending);
    expect("questionCount" in afterPublish && afterPublish.questionCount).toBe(15);

    // A renamed account shows its new name.
    await db.user.update({ where: { email: "nora@afterword.example" }, data: { displayName: "Nora W." } });
    const renamed = await load();
    expect("threads" in renamed && renamed.threads[0].replies[0].writer).toBe("Nora W.");
  });

  it("stands a kept page in for its data only when a browser asks for the document", async () => {
    const page = await load();
    const url = `/articles/${DEMO_ARTICLE}`;
    rememberRendered(page as object, url, [new TextEncoder().encode("<html>kept</html>")]);
    const request = (accept: string) => new Request(`http://localhost${url}`, { headers: { Accept: accept } });
    const kept = sharedPageData(request("text/html,application/xhtml+xml"), page as object);
    expect(kept).toBeInstanceOf(CachedPage);
    expect(new TextDecoder().decode((kept as CachedPage).html[0])).toBe("<html>kept</html>");
    expect(JSON.stringify(kept)).toBe("{}");
    // Remix's own data requests (Accept: */*) always get the data, and so does the page after a form post.
    expect(sharedPageData(request("*/*"), page as object)).toBe(page);
    const afterPost = new Request(`http://localhost${url}`, {
      headers: { Accept: "text/html", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(sharedPageData(afterPost, page as object)).toBe(page);
    expect(await load(`${url}?sort=newest`, { Accept: "text/html" })).not.toBeInstanceOf(CachedPage);
  });

  it("is never used for a request with a person's cookies", async () => {
    expect(hasPersonalCookies(new Request("http://x/", { headers: { Cookie: "a=1; aw_guest=abc" } }))).toBe(true);
    expect(hasPersonalCookies(new Request("http://x/", { headers: { Cookie: "aw_flash=abc" } }))).toBe(true);
    expect(hasPersonalCookies(new Request("http://x/", { headers: { Cookie: "aw_form=abc" } }))).toBe(false);
    const shared = await load();
    expect(await load(`/articles/${DEMO_ARTICLE}`, { Cookie: "aw_guest=forged" })).not.toBe(shared);
  });
});
