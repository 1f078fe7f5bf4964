// Afterword under another site's pages (embed.js). Two small sites are served
// here, on other origins than Afterword's (localhost rather than 127.0.0.1:
// another site to the browser): one EMBED_ORIGINS allows, one it does not.
// Chromium blocks third-party cookies, as browsers now do, so a guest's and a
// reader's cookies in the frame must be partitioned ones to work at all.
import { type Server, createServer } from "node:http";
import { mkdirSync, rmSync } from "node:fs";
import type { FrameLocator, Page } from "@playwright/test";
import { CHROMIUM_ARGS, EMBED_HOST, STRANGER_HOST } from "../../playwright.config";
import { writeExport, wxr } from "../support/import-files";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";
import { task } from "./tasks";
import { execFileSync } from "node:child_process";
import { E2E_DATABASE_URL } from "../../playwright.config";

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--test-third-party-cookie-phaseout"],
  },
});
test.describe.configure({ mode: "serial" });

const DIR = "tests/.tmp/e2e-embed";
const POST_PATH = "/2026/11/the-quiet-weeks/";
const unique = (text: string) => `${text} (${Date.now().toString(36)})`;

/** A blog post as the other site serves it: its own layout and headings, and Afterword's snippet under it. */
function hostPost(afterword: string) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The quiet weeks – A small blog</title>
<link rel="canonical" href="${POST_PATH}"></head>
<body style="margin:0;font-family:serif">
<header><p>A small blog</p></header>
<article>
  <h1>The quiet weeks</h1>
  <p>What the first weeks after a breakup are like, and what helps.</p>
  <h2 id="the-first-days">The first days</h2>
  <p>The first days are the loudest. Keep them simple.</p>
  <h2 id="when-they-write">When they write to you</h2>
  <p>A message from them does not mean the silence failed.</p>
  <h2>A heading without an id</h2>
  <p>No link is added here.</p>
</article>
<section><h3>Reader questions</h3>
<div data-afterword data-afterword-sections data-afterword-theme="dark"></div>
<script src="${afterword}/embed.js" async></script>
<noscript><a href="${afterword}/embed/page?url=${encodeURIComponent(POST_PATH)}">Read the questions</a></noscript>
</section>
</body></html>`;
}

function hostIndex(afterword: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A small blog</title></head><body>
<h1>A small blog</h1>
<ul><li><a href="${POST_PATH}">The quiet weeks</a> · <a href="${POST_PATH}#afterword" data-afterword-count>questions</a></li></ul>
<script src="${afterword}/embed.js" async></script></body></html>`;
}

/** A page on the site not allowed, framing Afterword's frame page directly. */
function directFrame(afterword: string, slug: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framing</title></head><body>
<iframe title="Direct frame" src="${afterword}/embed/articles/${slug}" style="width:100%;height:400px"></iframe></body></html>`;
}

const servers: Server[] = [];
let slug = "";

function serve(origin: string, pages: (afterword: string) => Record<string, string>, afterword: string) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", origin).pathname;
    const body = pages(afterword)[path];
    res.writeHead(body ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(body ?? "Not found");
  });
  servers.push(server);
  return new Promise<void>((resolve) => server.listen(Number(new URL(origin).port), "localhost", resolve));
}

// Playwright reads a hook's fixtures from its first argument; this one needs none.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, info) => {
  const afterword = new URL(String(info.project.use.baseURL)).origin;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  // The blog's post and its comments come in with --keep-articles-on-site: a record pointing at the post, no file.
  const file = writeExport(
    DIR,
    "blog.xml",
    wxr(
      [
        {
          id: 801,
          slug: "the-quiet-weeks",
          title: "The quiet weeks",
          content:
            '<p>What the first weeks are like.</p><h2 id="the-first-days">The first days</h2><p>Keep the first days simple: sleep, food, a walk.</p><h2 id="when-they-write">When they write to you</h2><p>A message from them does not mean the silence failed.</p>',
          comments: [
            {
              id: 31,
              date: "2026-11-02 09:00:00",
              author: "Odile",
              content: "How long did the first days last for you?",
            },
            {
              id: 32,
              parent: 31,
              userId: 7,
              author: "Nora Whitfield",
              date: "2026-11-02 12:00:00",
              content: "About a week of the worst of it. It eases.",
            },
          ],
        },
      ],
      { site: `${EMBED_HOST}/2026/11`, author: { email: "nora@afterword.example", displayName: "Nora Whitfield" } },
    ),
  );
  const report = execFileSync(
    "node_modules/.bin/tsx",
    ["scripts/import.ts", "wordpress", file, "--keep-articles-on-site", "--content-dir", DIR],
    { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, encoding: "utf8" },
  );
  expect(report).toContain("Posts imported: 2 (2 published)");
  slug = task("article-by-url", `${EMBED_HOST}${POST_PATH}`);
  expect(slug).toBe("the-quiet-weeks");
  const site = (a: string) => ({ [POST_PATH]: hostPost(a), "/": hostIndex(a), "/frame": directFrame(a, slug) });
  await serve(EMBED_HOST, site, afterword);
  await serve(STRANGER_HOST, site, afterword);
});

test.afterAll(() => {
  for (const server of servers) server.close();
});

const frameOf = (page: Page) => page.frameLocator('iframe[title="Reader questions"]');

/** The frame's height on the host page, and its content's height inside it. */
async function heights(page: Page, frame: FrameLocator) {
  const outer = await page
    .locator('iframe[title="Reader questions"]')
    .evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.locator("html").evaluate((html) => ({
    content: html.getBoundingClientRect().height,
    scrolls: html.scrollHeight > window.innerHeight + 1,
  }));
  return { outer, ...inner };
}

test("the post's questions show in a frame as tall as they are, threaded, the author's answer marked", async ({
  page,
  request,
}) => {
  await page.goto(`${EMBED_HOST}${POST_PATH}`);
  const frame = frameOf(page);
  const question = frame.getByRole("article", { name: "Question 1 by Odile" });
  await expect(question).toContainText("How long did the first days last for you?");
  const answer = frame.getByRole("article", { name: "Reply by Nora Whitfield" });
  await expect(answer).toContainText("Post author");
  // In the page's dark scheme, as the snippet asks.
  await expect(frame.locator("html")).toHaveAttribute("data-theme", "dark");
  // Filed under the section its words suggest, from the post's own headings.
  await expect(question).toContainText("The first days");
  await expect
    .poll(async () => {
      const h = await heights(page, frame);
      return Math.abs(h.outer - h.content) <= 1 && !h.scrolls && h.outer > 300;
    })
    .toBe(true);
  // The frame's page is kept and shared like the article page, with its own frame-ancestors.
  await request.get(`/embed/articles/${slug}`);
  const response = await request.get(`/embed/articles/${slug}`);
  expect(response.headers()["x-page-cache"]).toBe("hit");
  expect(response.headers()["content-security-policy"]).toContain(`frame-ancestors ${EMBED_HOST}`);
  expect(response.headers()["x-frame-options"]).toBeUndefined();
  expect((await request.get(`/articles/${slug}`)).headers()["x-frame-options"]).toBe("DENY");
});

test("a guest asks about a section from the host page's link, and sees it awaiting moderation after a reload", async ({
  page,
}) => {
  await page.goto(`${EMBED_HOST}${POST_PATH}`);
  const frame = frameOf(page);
  await expect(frame.getByRole("article", { name: "Question 1 by Odile" })).toBeVisible();
  // A link after each heading that has an id; none after the one without.
  await expect(page.getByRole("link", { name: /^Ask about this section/ })).toHaveCount(2);
  await page.locator("h2#when-they-write + p").getByRole("link", { name: "Ask about this section (0)" }).click();
  const ask = frame.getByRole("form", { name: "Ask a question" });
  await expect(ask.getByLabel("Section")).toHaveValue("when-they-write");
  await expect(frame.getByRole("heading", { name: /about “When they write to you”/ })).toBeVisible();
  const text = unique("Should I answer a birthday message after three weeks of silence?");
  await ask.getByLabel("Name").fill("Paloma");
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(frame.getByRole("status")).toContainText("awaiting moderation");

  await page.reload();
  const mine = frameOf(page).getByRole("article", { name: "Question by Paloma" });
  await expect(mine).toContainText(text);
  await expect(mine).toContainText("Awaiting moderation");
  // Only she sees it: another browser (no cookie of hers) does not.
  const stranger = await page.context().browser()!.newPage();
  await stranger.goto(`${EMBED_HOST}${POST_PATH}`);
  await expect(frameOf(stranger).getByRole("article", { name: "Question 1 by Odile" })).toBeVisible();
  await expect(frameOf(stranger).getByText(text)).toHaveCount(0);
  await stranger.close();
});

test("a reader signs in inside the frame and posts; approved and answered, the answer shows marked Post author", async ({
  page,
  browser,
}) => {
  task("lift-sign-up-limits");
  const email = `frame-reader-${Date.now()}@example.com`;
  const password = "quiet harbour lantern nine";
  // The account is made on Afterword itself (the frame's "Create account" opens it in a new tab).
  const own = await browser.newPage();
  await own.goto("/signup");
  await own.getByLabel("Name").fill("Quentin");
  await own.getByLabel("Email").fill(email);
  await own.getByLabel("Password").fill(password);
  await own.getByRole("button", { name: "Create account" }).click();
  await expect(own.getByText("Signed in as Quentin")).toBeVisible();
  await own.close();

  await page.goto(`${EMBED_HOST}${POST_PATH}`);
  let frame = frameOf(page);
  await frame.getByRole("link", { name: "Sign in" }).click();
  await expect(frame.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await frame.getByLabel("Email").fill(email);
  await frame.getByLabel("Password").fill(password);
  await frame.getByRole("button", { name: "Sign in" }).click();
  await expect(frame.getByText("Signed in as Quentin")).toBeVisible();
  const text = unique("Is it normal to feel worse in the second week than the first?");
  const ask = frame.getByRole("form", { name: "Ask a question" });
  await expect(ask.getByLabel("Name")).toHaveCount(0);
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(frame.getByRole("status")).toContainText("awaiting moderation");
  // Still signed in after a reload: the session cookie is the frame's own, partitioned under this site.
  await page.reload();
  frame = frameOf(page);
  await expect(frame.getByText("Signed in as Quentin")).toBeVisible();
  await expect(frame.getByRole("article", { name: "Question by Quentin" })).toContainText("Awaiting moderation");

  // A moderator approves it on Afterword; the author answers there.
  const staff = await browser.newPage();
  await signIn(staff, "sam@afterword.example", { to: "/moderation" });
  const item = staff.locator("[data-queue-item]").filter({ hasText: text });
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByRole("status")).toContainText(/Question (\d+) by Quentin: approved\./);
  const number = /Question (\d+) by Quentin/.exec((await staff.getByRole("status").textContent()) ?? "")![1];
  await staff.context().clearCookies();
  await signIn(staff, "nora@afterword.example", { to: `/articles/${slug}/questions/${number}` });
  const question = staff.getByRole("article", { name: `Question ${number} by Quentin` });
  await question.getByRole("link", { name: "Reply to Quentin" }).click();
  const reply = staff.getByRole("form", { name: "Reply to Quentin" });
  await reply.getByLabel("Your reply").fill("The second week is often harder: the shock has worn off. It passes.");
  await reply.getByRole("button", { name: "Post reply" }).click();
  await expect(staff.getByRole("status")).toContainText("published");
  await staff.close();

  await page.reload();
  frame = frameOf(page);
  const thread = frame
    .getByRole("listitem")
    .filter({ has: frame.getByRole("article", { name: `Question ${number} by Quentin` }) });
  const answer = thread.getByRole("article", { name: "Reply by Nora Whitfield" });
  await expect(answer).toContainText("The second week is often harder");
  await expect(answer).toContainText("Post author");
  // A thread opens in the frame, and leads back.
  await thread.getByRole("link", { name: "Open this thread" }).first().click();
  await expect(frame.getByRole("heading", { name: new RegExp(`^Question ${number} from Quentin`) })).toBeVisible();
  await frame.getByRole("link", { name: /Back to/ }).click();
  await expect(frame.getByRole("form", { name: "Ask a question" })).toBeVisible();
});

test("an index page of the site shows each post's number of questions", async ({ page }) => {
  await page.goto(`${EMBED_HOST}/`);
  // Odile's and Quentin's are published; Paloma's awaits moderation.
  await expect(page.locator("[data-afterword-count]")).toHaveText("2 questions");
});

test.describe("a site not allowed", () => {
  test.use({
    allowedConsoleErrors:
      /blocked by CORS policy|Failed to fetch|net::ERR_FAILED|violates the following Content Security Policy directive: "frame-ancestors/,
  });
  test("a site not in EMBED_ORIGINS gets nothing: no frame, no counts, no article", async ({ page }) => {
    await page.goto(`${STRANGER_HOST}${POST_PATH}`);
    // embed.js is refused, and leaves a plain link to the questions on Afterword.
    await expect(
      page.getByRole("link", { name: "Read and ask questions about this article on Afterword" }),
    ).toBeVisible();
    await expect(page.locator('iframe[title="Reader questions"]')).toHaveCount(0);
    await page.goto(`${STRANGER_HOST}/`);
    await expect(page.locator("[data-afterword-count]")).toHaveText("questions");
    const counts = await page.evaluate(
      async (url) => {
        try {
          return (await fetch(url)).status;
        } catch {
          return "refused";
        }
      },
      new URL(`/embed/counts?url=${encodeURIComponent(STRANGER_HOST + POST_PATH)}`, test.info().project.use.baseURL)
        .href,
    );
    expect(counts).toBe("refused");
    expect(task("article-by-url", `${STRANGER_HOST}${POST_PATH}`)).toBe("");
    // Framing the frame page directly: refused by its frame-ancestors, so the frame shows none of it.
    await page.goto(`${STRANGER_HOST}/frame`);
    const direct = page.frameLocator('iframe[title="Direct frame"]');
    await expect(direct.getByRole("form", { name: "Ask a question" })).toHaveCount(0);
    await expect(direct.getByText("The quiet weeks")).toHaveCount(0);
  });
});

test("the author signs in and out inside the frame", async ({ page }) => {
  await page.goto(`${EMBED_HOST}${POST_PATH}`);
  const frame = frameOf(page);
  await frame.getByRole("link", { name: "Sign in" }).click();
  await expect(frame.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await frame.getByLabel("Email").fill("nora@afterword.example");
  await frame.getByLabel("Password").fill(DEMO_PASSWORD);
  await frame.getByRole("button", { name: "Sign in" }).click();
  await expect(frame.getByText("Signed in as Nora Whitfield")).toBeVisible();
  await frame.getByRole("button", { name: "Sign out" }).click();
  await expect(frame.getByRole("link", { name: "Sign in" })).toBeVisible();
});
