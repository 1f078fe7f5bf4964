// No text breaks a page: hostile-shaped posts (a 400-letter word, a
// 2,000-character URL, combining marks 50 deep, 200 emoji, a 60-column
// Markdown table, a 5,000-character line of code, a right-to-left override in
// a name) are posted through the forms as a guest and as a reader, published,
// and every page they appear on is opened as every role, at 390 and 1280 px,
// with JavaScript on and off: nothing is wider than the screen, and every
// button of a card is on screen. A name of zero-width spaces is refused.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";
const withJs = () => test.info().project.use.javaScriptEnabled !== false;

const HOSTILE = {
  "a 400-letter word": `Is this too long? ${"a".repeat(400)}`,
  "a 2,000-character URL": `What does this page say about waiting? https://example.com/${"x".repeat(1980)}`,
  "combining marks 50 deep": `Why does this look strange? Z${"\u0336\u0301".repeat(25)}algo text here`,
  "200 emoji": `How do I stop crying? ${"😭".repeat(200)}`,
  "a 60-column Markdown table": `Which day is it?\n\n|${" day |".repeat(60)}\n|${"---|".repeat(60)}\n|${" 1 |".repeat(60)}`,
  "a 5,000-character line of code": `What does this text mean?\n\n\`${"k".repeat(5000)}\``,
};

/** Asks through the ask form; the question is then published as a moderator's approval would. */
async function ask(page: Page, body: string, name: string | null) {
  await page.goto(`${ARTICLE}?ask=what-it-asks#ask`);
  const form = page.getByRole("form", { name: "Ask a question" });
  if (name !== null) await form.getByLabel("Name").fill(name);
  await form.getByLabel("Your question").fill(body);
  await form.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText(/awaiting moderation|is published/);
}

/** Nothing wider than the screen, and every button of every card on it. */
async function fits(page: Page, path: string, width: number, who: string) {
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(path);
  expect(response?.status(), `${who} ${path}`).toBeLessThan(400);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${who} ${path} at ${width} px is ${scrollWidth} px wide`).toBeLessThanOrEqual(width);
  const outside = await page.evaluate((limit) => {
    const cards = document.querySelectorAll("article, .queue-item, .search-result, .similar__item");
    const off: string[] = [];
    for (const card of cards) {
      for (const control of card.querySelectorAll("button, summary, a.button")) {
        const box = control.getBoundingClientRect();
        if (box.width > 0 && (box.right > limit + 1 || box.left < -1)) off.push(control.textContent?.trim() ?? "");
      }
    }
    return off;
  }, width);
  expect(outside, `${who} ${path} at ${width} px: buttons off screen`).toEqual([]);
}

test("hostile text breaks no page, for any role, at 390 and 1280 px", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const tag = `${withJs() ? "J" : "N"}${Date.now() % 100000}`;

  // A name of zero-width spaces is refused; an RTL override is kept from turning the text around it.
  await page.goto(`${ARTICLE}?ask=what-it-asks#ask`);
  const form = page.getByRole("form", { name: "Ask a question" });
  await form.getByLabel("Name").fill("\u200b\u200b\u200b");
  await form.getByLabel("Your question").fill("Is a name of nothing a name?");
  await form.getByRole("button", { name: "Post question" }).click();
  await expect(
    page.getByText("Please give a name with at least one letter or digit that readers can see."),
  ).toBeVisible();

  const guestName = `\u202eevil ${tag}\u202c`;
  const hostile = `Hostile ${tag}`;
  const entries = Object.entries(HOSTILE);
  for (const [i, [, body]] of entries.entries()) {
    await ask(page, `${body} (${tag} ${i})`, i === 0 ? guestName : `Hostile ${tag}`);
  }
  const reader = await browser.newPage();
  task("lift-sign-up-limits");
  await reader.goto("/signup");
  await reader.getByLabel("Name").fill(`Reader ${tag}`);
  await reader.getByLabel("Email").fill(`hostile-${tag}@example.com`);
  await reader.getByLabel("Password").fill("a long hostile passphrase 2026");
  await reader.getByRole("button", { name: "Create account" }).click();
  await expect(reader.getByText("Signed in as")).toBeVisible();
  await ask(reader, `${HOSTILE["a 400-letter word"]} (${tag} reader)`, null);
  await reader.close();

  // Half published (the article, the thread, the inbox, search), half left waiting (the queue).
  const ids = task("ids", hostile).split(",").map(Number);
  const published = [Number(task("publish", task("latest", `evil ${tag}`)))];
  ids.filter((_, k) => k % 2 === 0).forEach((id) => task("publish", String(id)));
  const thread = `${ARTICLE}/questions/${published[0]}`;
  await page.goto(thread);
  // The override does not turn the name around: it is gone from the page.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`evil ${tag}`);
  expect(await page.content()).not.toContain("\u202e");

  const pages = {
    guest: [`${ARTICLE}?sort=newest`, thread, `/search?q=${tag}`],
    reader: [`${ARTICLE}?sort=newest`, thread],
    author: ["/author?sort=newest", "/author/insights"],
    moderator: ["/moderation", "/moderation/log"],
    admin: ["/moderation", "/admin/mail"],
  } as const;
  const accounts: Record<string, string | null> = {
    guest: null,
    reader: `hostile-${tag}@example.com`,
    author: "nora@afterword.example",
    moderator: "sam@afterword.example",
    admin: "admin@afterword.example",
  };
  for (const [who, paths] of Object.entries(pages)) {
    const context = await browser.newContext({ javaScriptEnabled: withJs() });
    const as = await context.newPage();
    const email = accounts[who];
    if (email) {
      await signIn(as, email, { password: who === "reader" ? "a long hostile passphrase 2026" : undefined });
    }
    for (const path of paths) for (const width of [390, 1280]) await fits(as, path, width, who);
    await context.close();
  }
});
