// Afterword under other sites' pages (embed.js), as the network sees it: the
// report a page sends and the counts an index page asks for, from an allowed
// origin and from forged ones, with forged headings; the frame's headers; and
// the frame's cookies, partitioned. On SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { setSetting } from "~/settings/settings.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";

const BLOG = "https://blog.example";
let server: AppServer;

beforeAll(async () => {
  await seed();
  await setSetting("minSecondsToPost", 0);
  server = await startAppServer({ EMBED_ORIGINS: `${BLOG} https://www.example.org` });
}, 60_000);
afterAll(() => server?.stop());

function report(body: unknown, origin: string | null = BLOG) {
  return fetch(`${server.url}/embed/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(origin ? { Origin: origin } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
const articleAt = (url: string) => db.article.findUnique({ where: { url }, include: { sections: true } });

describe("a page's report", () => {
  it("records an allowed site's page once, its headings as plain-text sections, and follows them as they change", async () => {
    const url = `${BLOG}/2026/letting-go/`;
    const first = await report({
      url: `${url}?utm_source=x#top`,
      title: "Letting <em>go</em>",
      sections: [
        { id: "first-days", title: "The <b>first</b> days" },
        { id: "later", title: "Later\u202e on" },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe(BLOG);
    const answer = await first.json();
    expect(answer).toMatchObject({ slug: "letting-go", frame: "/embed/articles/letting-go", questionCount: 0 });
    const article = await articleAt(url);
    expect(article?.title).toBe("Letting <em>go</em>");
    // Kept as text: React escapes it where it shows; bidi controls are gone.
    expect(article?.sections.map((s) => [s.anchor, s.title])).toEqual([
      ["first-days", "The <b>first</b> days"],
      ["later", "Later on"],
    ]);
    const page = await (await fetch(`${server.url}/embed/articles/letting-go`)).text();
    expect(page).toContain("The &lt;b&gt;first&lt;/b&gt; days");
    expect(page).not.toContain("<b>first</b>");

    // The page changed: a heading renamed, one gone (kept, marked removed), one new; the same record.
    expect(
      (
        await report({
          url,
          title: "Another title",
          sections: [
            { id: "first-days", title: "The first days" },
            { id: "new-one", title: "A new section" },
          ],
        })
      ).status,
    ).toBe(200);
    const again = await articleAt(url);
    expect(again?.id).toBe(article?.id);
    expect(again?.title).toBe("Letting <em>go</em>");
    expect(
      again?.sections
        .sort((a, b) => a.anchor.localeCompare(b.anchor))
        .map((s) => [s.anchor, s.title, s.removedAt !== null]),
    ).toEqual([
      ["first-days", "The first days", false],
      ["later", "Later on", true],
      ["new-one", "A new section", false],
    ]);
    expect(await db.article.count({ where: { url } })).toBe(1);
  });

  it("gives forged and foreign origins nothing, and records no article for them", async () => {
    const before = await db.article.count();
    const url = "https://evil.example/post/";
    for (const [origin, body] of [
      ["https://evil.example", { url }],
      [null, { url: `${BLOG}/no-origin/` }],
      ["null", { url: `${BLOG}/null-origin/` }],
      ["https://blog.example.evil.example", { url: "https://blog.example.evil.example/x/" }],
      // An allowed origin reporting another site's page.
      [BLOG, { url }],
    ] as const) {
      const response = await report(body, origin);
      expect(response.status, String(origin)).toBe(403);
      if (origin !== BLOG) expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
      expect((await response.json()).error).toBeTruthy();
    }
    const preflight = await fetch(`${server.url}/embed/register`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const allowed = await fetch(`${server.url}/embed/register`, {
      method: "OPTIONS",
      headers: { Origin: BLOG, "Access-Control-Request-Method": "POST" },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe(BLOG);
    expect(await db.article.count()).toBe(before);
  });

  it("keeps forged headings within limits: 10,000 headings, huge ids, markup, nothing but spaces", async () => {
    const before = await db.article.count();
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `h-${i}`, title: `Heading ${i}` }));
    const tooMany = await report({ url: `${BLOG}/many/`, title: "Many", sections: many });
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error).toMatch(/at most 50 headings/);
    expect(await db.article.count()).toBe(before);

    const sections = [
      { id: "x".repeat(10_000), title: "A huge id" },
      { id: '"><script>alert(1)</script>', title: "A hostile id" },
      { id: "blank", title: " \u200b " },
      { id: "fine", title: "<img src=x onerror=alert(1)>" + "w".repeat(400) },
      { id: "fine", title: "The same id again" },
      { title: "No id" },
      "not an object",
      ...Array.from({ length: 80 }, (_, i) => ({ id: `s-${i}`, title: `Section ${i}` })),
    ];
    const response = await report({ url: `${BLOG}/hostile/`, title: "x".repeat(5_000), sections });
    expect(response.status).toBe(200);
    const article = await articleAt(`${BLOG}/hostile/`);
    expect(article?.title.length).toBe(200);
    expect(article?.sections).toHaveLength(50);
    const fine = article?.sections.find((s) => s.anchor === "fine");
    expect(fine?.title).toMatch(/^<img src=x onerror=alert\(1\)>w+$/);
    expect(fine?.title.length).toBe(200);
    expect(article?.sections.some((s) => s.anchor.length > 100 || s.anchor.includes("<") || s.anchor === "blank")).toBe(
      false,
    );
  });

  it("answers bad reports with a clear 4xx", async () => {
    const cases: [unknown, number, RegExp][] = [
      ["{not json", 400, /not JSON/],
      [{}, 400, /which page/],
      [{ url: "not a url" }, 400, /not a page address/],
      [{ url: `${BLOG}/${"a".repeat(3_000)}` }, 400, /too long/],
      [{ url: `${BLOG}/named/`, article: "no-such-article" }, 404, /no article/],
      [{ url: `${BLOG}/named/`, article: "x".repeat(500) }, 400, /too long/],
      [[1, 2, 3], 400, /./],
    ];
    for (const [body, status, message] of cases) {
      const response = await report(body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(status);
      expect((await response.json()).error).toMatch(message);
    }
    expect(await articleAt(`${BLOG}/named/`)).toBeNull();
    // An article named outright is shown, and its own sections are left alone.
    const named = await report({ url: `${BLOG}/named/`, article: DEMO_ARTICLE, sections: [{ id: "z", title: "Z" }] });
    expect(named.status).toBe(200);
    expect((await named.json()).slug).toBe(DEMO_ARTICLE);
    expect(await db.section.count({ where: { anchor: "z" } })).toBe(0);
  });
});

describe("counts for an index page", () => {
  it("answers an allowed site with CORS and a cache lifetime, and refuses any other", async () => {
    await report({ url: `${BLOG}/counted/`, title: "Counted" });
    const query = new URLSearchParams([
      ["url", `${BLOG}/counted/`],
      ["url", `${BLOG}/never-seen/`],
      ["url", "https://evil.example/counted/"],
      ["article", DEMO_ARTICLE],
      ["article", "no-such-article"],
    ]);
    const allowed = await fetch(`${server.url}/embed/counts?${query}`, { headers: { Origin: BLOG } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe(BLOG);
    expect(allowed.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(allowed.headers.get("Vary")).toContain("Origin");
    const demo = await db.post.count({
      where: { article: { slug: DEMO_ARTICLE }, parentId: null, status: "published" },
    });
    expect(await allowed.json()).toEqual({
      urls: { [`${BLOG}/counted/`]: 0, [`${BLOG}/never-seen/`]: 0, "https://evil.example/counted/": 0 },
      articles: { [DEMO_ARTICLE]: demo, "no-such-article": 0 },
    });
    for (const origin of ["https://evil.example", null]) {
      const refused = await fetch(`${server.url}/embed/counts?${query}`, { headers: origin ? { Origin: origin } : {} });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
    const tooMany = new URLSearchParams(Array.from({ length: 101 }, (_, i) => ["url", `${BLOG}/p${i}/`]));
    const refused = await fetch(`${server.url}/embed/counts?${tooMany}`, { headers: { Origin: BLOG } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/at most 100/);
  });
});

describe("the frame", () => {
  it("may be framed by the allowed sites alone, and no other page may be framed at all", async () => {
    for (const path of [`/embed/articles/${DEMO_ARTICLE}`, `/embed/articles/${DEMO_ARTICLE}`, "/embed/sign-in"]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Content-Security-Policy")).toContain(
        `frame-ancestors ${BLOG} https://www.example.org;`,
      );
      expect(response.headers.get("X-Frame-Options")).toBeNull();
    }
    for (const path of [`/articles/${DEMO_ARTICLE}`, "/login", "/moderation", "/"]) {
      const response = await fetch(server.url + path, { redirect: "manual" });
      expect(response.headers.get("X-Frame-Options"), path).toBe("DENY");
      if (response.status === 200)
        expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    }
    expect((await fetch(`${server.url}/embed/articles/no-such-article`)).status).toBe(404);
    expect((await fetch(`${server.url}/embed/page?url=${encodeURIComponent(`${BLOG}/nowhere/`)}`)).status).toBe(404);
    const found = await fetch(`${server.url}/embed/page?url=${encodeURIComponent(`${BLOG}/counted/?x=1`)}`, {
      redirect: "manual",
    });
    expect(found.headers.get("Location")).toBe("/articles/counted#questions");
  });

  it("sets partitioned cookies from a post in the frame, and keeps the writer in the frame", async () => {
    const response = await fetch(`${server.url}/embed/articles/${DEMO_ARTICLE}`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        intent: "ask",
        name: "Frame Guest",
        body: "Does the silence count if they still follow me on every account I have?",
        section: "suggest",
        returnTo: `/embed/articles/${DEMO_ARTICLE}`,
      }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(new RegExp(`^/embed/articles/${DEMO_ARTICLE}`));
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/; SameSite=None; Secure; Partitioned$/);
      expect(cookie).not.toMatch(/SameSite=Lax/i);
    }
    // The same form on the article page itself sets ordinary cookies.
    const own = await fetch(`${server.url}/articles/${DEMO_ARTICLE}`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "ask", name: "Page Guest", body: "How do I stop checking their profile?" }),
      redirect: "manual",
    });
    expect(
      own.headers.getSetCookie().every((cookie) => /SameSite=Lax/i.test(cookie) && !/Partitioned/.test(cookie)),
    ).toBe(true);
    // From another site, the frame's form is refused like the page's.
    const forged = await fetch(`${server.url}/embed/articles/${DEMO_ARTICLE}`, {
      method: "POST",
      headers: { Origin: BLOG, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "ask", name: "Forger", body: "A question from the blog's own origin." }),
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
  });
});
