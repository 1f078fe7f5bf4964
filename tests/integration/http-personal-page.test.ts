// A signed-in reader's or a guest's article page is made from the page kept
// for everyone, with only their own parts rendered
// (app/article-page/personal-page.server.tsx). Here it is compared, for readers
// with every kind of own part, with the full render Remix gives for the same
// request (a second server on the same database with PAGE_SPLICE=0):
// the HTML byte for byte (but for the nonce), and the hydration data decoded.
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { isDeepStrictEqual } from "node:util";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { guestCookie } from "~/security/cookies.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { userWithSession } from "../support/users";

let fast: AppServer;
let full: AppServer;
const PAGE = `/articles/${DEMO_ARTICLE}`;

beforeAll(async () => {
  await seed();
  // Both read the article's version on every request (VERSION_CHECK_MS=0), so this file's writes straight to the
  // database show on the next page without waiting out a version check.
  [fast, full] = await Promise.all([
    startAppServer({ VERSION_CHECK_MS: "0" }),
    startAppServer({ VERSION_CHECK_MS: "0", PAGE_SPLICE: "0" }),
  ]);
});
afterAll(() => Promise.all([fast?.stop(), full?.stop()]));

function raw(base: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(base + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

const DATA =
  /(<script nonce="[^"]*">window\.__remixContext\.streamController\.enqueue\()("(?:[^"\\]|\\.)*")(\);<\/script>)/;

/** The page's HTML with its nonce and hydration data taken out, and that data decoded. */
async function pageParts(html: string) {
  const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
  const data = DATA.exec(html);
  expect(data, "the page has its hydration data").not.toBeNull();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(JSON.parse(data![2]) as string));
      controller.close();
    },
  });
  const decoded = await decode(stream);
  await decoded.done;
  return {
    nonce,
    html: html.replace(DATA, "$1DATA$3").replaceAll(`nonce="${nonce}"`, 'nonce="N"'),
    data: decoded.value,
  };
}

/** The reader's page from both servers: the same but for the nonce, and the fast one made from the kept page. */
async function compare(cookie: string) {
  // Both servers keep the shared page of the new version (the fast one makes the reader's page from it).
  for (const server of [fast, full]) await raw(server.url, PAGE);
  const mine = await raw(fast.url, PAGE, { Cookie: cookie });
  const whole = await raw(full.url, PAGE, { Cookie: cookie });
  expect(mine.status).toBe(200);
  expect(mine.headers["x-page-cache"]).toBe("personal");
  expect(whole.headers["x-page-cache"]).toBeUndefined();
  expect(mine.headers["cache-control"]).toBe("private, no-store");
  const [a, b] = await Promise.all([pageParts(mine.body.toString()), pageParts(whole.body.toString())]);
  expect(a.html).toBe(b.html);
  expect(isDeepStrictEqual(a.data, b.data)).toBe(true);
  // Its inline scripts allowed by their hashes, not by a nonce: the same bytes may go to this reader again.
  const csp = mine.headers["content-security-policy"];
  const inline = [...mine.body.toString().matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  expect(inline.length).toBeGreaterThan(0);
  for (const [, script] of inline)
    expect(csp).toContain(`'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);
  expect(csp).not.toContain("'nonce-");
  // Asked again with the same cookies, the page made for them before, byte for byte.
  const again = await raw(fast.url, PAGE, { Cookie: cookie });
  expect(again.headers["x-page-cache"]).toBe("personal-hit");
  expect(again.body.equals(mine.body)).toBe(true);
  // Compressed for a browser, the same page: gzip made of the kept page's compressed pieces and the reader's own.
  const browser = await raw(fast.url, PAGE, { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br" });
  expect(browser.headers["content-encoding"]).toBe("gzip");
  expect(Number(browser.headers["content-length"])).toBe(browser.body.length);
  expect((await pageParts(gunzipSync(browser.body).toString())).html).toBe(a.html);
  const br = await raw(fast.url, PAGE, { Cookie: cookie, "Accept-Encoding": "br" });
  expect(br.headers["content-encoding"]).toBe("br");
  expect((await pageParts(brotliDecompressSync(br.body).toString())).html).toBe(a.html);
  return mine.body.toString();
}

async function guest(key: string, name: string) {
  return (await (await guestCookie()).serialize({ key, name })).split(";")[0];
}

describe("a reader's own article page", () => {
  it("is the full render's page, for a signed-in reader with posts published and awaiting moderation", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const { user, cookie } = await userWithSession("reader", { displayName: "Rae <Reader> & co" });
    const [first, second] = await db.post.findMany({
      where: { articleId: article.id, parentId: null, status: "published" },
      orderBy: { number: "asc" },
      take: 2,
    });
    await createPost({
      articleId: article.id,
      userId: user.id,
      parentId: first.id,
      body: "My published reply.",
      status: "published",
    });
    await createPost({
      articleId: article.id,
      userId: user.id,
      parentId: second.id,
      body: "My reply, waiting.",
      status: "pending",
    });
    await createPost({ articleId: article.id, userId: user.id, body: "My question, waiting.", status: "pending" });
    const html = await compare(cookie);
    expect(html).toContain("My published reply.");
    expect(html).toContain("My reply, waiting.");
    expect(html).toContain("My question, waiting.");
    expect(html).toContain("Rae &lt;Reader&gt; &amp; co");
  });

  it("is the full render's page for a guest with a reply awaiting moderation, and for staff", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const [question] = await db.post.findMany({
      where: { articleId: article.id, parentId: null, status: "published" },
      orderBy: { number: "desc" },
      take: 1,
    });
    const key = `personal-${Date.now()}`;
    await createPost({
      articleId: article.id,
      guestName: "Gus",
      guestKey: key,
      parentId: question.id,
      body: "Gus waits.",
      status: "pending",
    });
    const gus = await compare(await guest(key, "Gus"));
    expect(gus).toContain("Gus waits.");
    expect(gus).not.toContain("My question, waiting.");

    // A guest who has posted nothing here yet, but whose name the forms remember.
    expect(await compare(await guest(`${key}-new`, "Nell"))).toContain('value="Nell"');
    for (const role of ["moderator", "author", "admin"] as const) {
      const staff = await compare((await userWithSession(role)).cookie);
      expect(staff).not.toContain("Gus waits.");
    }
  });

  it("is kept again, after a reply, with the threads that did not change copied: the whole render's bytes", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    for (const server of [fast, full]) await raw(server.url, PAGE);
    const [question] = await db.post.findMany({
      where: { articleId: article.id, parentId: null, status: "published" },
      orderBy: { number: "asc" },
      take: 1,
    });
    const { user } = await userWithSession("reader");
    await createPost({
      articleId: article.id,
      userId: user.id,
      parentId: question.id,
      body: "Copied around me.",
      status: "published",
    });
    const [mine, whole] = [await raw(fast.url, PAGE), await raw(full.url, PAGE)];
    expect([mine.headers["x-page-cache"], whole.headers["x-page-cache"]]).toEqual(["miss", "miss"]);
    // Every thread on the page but the one replied in.
    expect(Number(mine.headers["x-threads-reused"])).toBe(
      (mine.body.toString().match(/<li class="thread">/g) ?? []).length - 1,
    );
    expect(whole.headers["x-threads-reused"]).toBe("0");
    expect(mine.body.toString()).toContain("Copied around me.");
    expect(mine.body.equals(whole.body)).toBe(true);
    expect(mine.headers.etag).toBe(whole.headers.etag);
  });

  it("is left to the full render when the page was not kept, or carries a one-time message", async () => {
    const { cookie } = await userWithSession("reader");
    const other = await raw(fast.url, `${PAGE}?sort=replies&page=1`, { Cookie: cookie });
    expect(other.status).toBe(200);
    expect(other.headers["x-page-cache"]).toBeUndefined();
    await raw(fast.url, PAGE);
    const flashed = await raw(fast.url, PAGE, { Cookie: `${cookie}; aw_flash=anything` });
    expect(flashed.headers["x-page-cache"]).toBeUndefined();
  });
});
