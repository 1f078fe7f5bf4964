import { beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { inlineScriptHashes, keepPage, serveSharedPage, sharedPageAddress } from "~/article-page/page-cache.server";
import { articleVersion, articlesChanged } from "~/articles/versions.server";
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

    // A guest's pending question changes nothing readers see, so the shared page stays as it is.
    const before = await articleVersion(DEMO_ARTICLE);
    const pending = await createPost({
      articleId: article.id,
      guestName: "G",
      body: "New question?",
      status: "pending",
    });
    expect(await articleVersion(DEMO_ARTICLE)).toBe(before);
    // A write tells the instance (the server does so after every form it takes; PostgreSQL's change feed after any
    // instance's): the version is read again.
    const checked = articlesChanged;
    checked();
    const afterPending = await load();
    expect(afterPending).toBe(first);

    // Publishing shows it to everyone at once.
    await db.$transaction(async (tx) => (await import("~/posts/posts.server")).publishPost(pending.id, tx));
    checked();
    const afterPublish = await load();
    expect(afterPublish).not.toBe(afterPending);
    expect("questionCount" in afterPublish && afterPublish.questionCount).toBe(15);

    // A post leaving the page (hidden by a moderator) moves it too, though no published post changed after it.
    const shown = await articleVersion(DEMO_ARTICLE);
    const hidden = await db.post.findFirstOrThrow({
      where: { articleId: article.id, status: "published", parentId: { not: null } },
      orderBy: { updatedAt: "asc" },
    });
    await db.$executeRaw`UPDATE "Post" SET "status" = 'rejected' WHERE "id" = ${hidden.id}`;
    expect(await articleVersion(DEMO_ARTICLE)).not.toBe(shown);
    await db.$executeRaw`UPDATE "Post" SET "status" = 'published' WHERE "id" = ${hidden.id}`;

    // A renamed account shows its new name.
    await db.user.update({ where: { email: "nora@afterword.example" }, data: { displayName: "Nora W." } });
    checked();
    const renamed = await load();
    expect("threads" in renamed && renamed.threads[0].replies[0].writer).toBe("Nora W.");
  });

  it("has one address per page: its known parameters in one order, nothing personal", () => {
    const address = (path: string) => sharedPageAddress(new URL(`http://localhost${path}`))?.key ?? null;
    expect(address("/articles/a")).toBe("/articles/a");
    expect(address("/articles/a?page=2&sort=newest&utm_source=mail")).toBe("/articles/a?sort=newest&page=2");
    expect(address("/articles/a?section=x&sort=")).toBe("/articles/a?section=x");
    expect(address("/articles/a?replyto=4")).toBeNull();
    expect(address("/articles/a?ask=x")).toBeNull();
    expect(address("/articles/a/questions/1")).toBeNull();
  });

  it("keeps the render of a shared page with its compressions, ETag and the hashes of its inline scripts", async () => {
    const page = await load();
    const html = '<html><script>one()</script><script src="/x.js"></script><script type="module">two()</script></html>';
    const kept = keepPage(page as object, html, { root: { flash: null, user: null } });
    expect(kept.csp).toContain(`'sha256-${createHash("sha256").update("one()").digest("base64")}'`);
    expect(kept.csp).toContain(`'sha256-${createHash("sha256").update("two()").digest("base64")}'`);
    expect(inlineScriptHashes(html)).toHaveLength(2);
    expect(gunzipSync(kept.gzip).toString()).toBe(html);
    expect(brotliDecompressSync(kept.br).toString()).toBe(html);

    const ask = (headers: Record<string, string> = {}, path = `/articles/${DEMO_ARTICLE}`) =>
      serveSharedPage({ method: "GET", url: path, header: (name) => headers[name] ?? null });
    const plain = (await ask())!;
    expect(plain).toMatchObject({ status: 200 });
    expect(plain.body!.toString()).toBe(html);
    expect(plain.headers).toMatchObject({ etag: kept.etag, vary: "Accept-Encoding", "x-page-cache": "hit" });
    expect((await ask({ "Accept-Encoding": "gzip, deflate, br" }))!.headers["content-encoding"]).toBe("br");
    expect((await ask({ "Accept-Encoding": "gzip" }))!.body).toEqual(kept.gzip);
    expect((await ask({ "Accept-Encoding": "br;q=0, gzip" }))!.headers["content-encoding"]).toBe("gzip");
    expect(await ask({ "If-None-Match": `"other", ${kept.etag}` })).toMatchObject({ status: 304, body: null });
    expect(await ask({}, `/articles/${DEMO_ARTICLE}?utm_source=x`)).toMatchObject({
      status: 301,
      headers: { Location: `/articles/${DEMO_ARTICLE}` },
    });
    expect(await ask({ Cookie: "aw_guest=abc" })).toBeNull();
    expect(await ask({}, `/articles/${DEMO_ARTICLE}?sort=newest`)).toBeNull();
  });

  it("is never used for a request with a person's cookies", async () => {
    expect(hasPersonalCookies(new Request("http://x/", { headers: { Cookie: "a=1; aw_guest=abc" } }))).toBe(true);
    expect(hasPersonalCookies(new Request("http://x/", { headers: { Cookie: "aw_flash=abc" } }))).toBe(true);
    expect(hasPersonalCookies(new Request("http://x/", { headers: { Cookie: "aw_form=abc" } }))).toBe(false);
    const shared = await load();
    expect(await load(`/articles/${DEMO_ARTICLE}`, { Cookie: "aw_guest=forged" })).not.toBe(shared);
  });
});
