import { expect, test } from "./fixtures";
import { task } from "./tasks";

const TITLE = "The No Contact Rule After a Breakup: What It Can Do, and What It Can’t";

test("a reader finds the article, follows a section, and reads a thread with the author's answer", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: TITLE }).click();

  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  await expect(page.getByRole("article", { name: TITLE })).toContainText("By Nora Whitfield");

  const contents = page.getByRole("navigation", { name: "Contents" });
  await contents.getByRole("link", { name: "If you can’t avoid your ex completely" }).click();
  await expect(page).toHaveURL(/#unavoidable-contact$/);
  await expect(page.getByRole("heading", { name: /If you can’t avoid your ex completely/, level: 2 })).toBeInViewport();

  // Other tests add questions, so the count is at least the demo's 14.
  const heading = await page.getByRole("heading", { name: `questions on “${TITLE}”` }).textContent();
  expect(Number(heading!.split(" ")[0])).toBeGreaterThanOrEqual(14);
  const question = page.getByRole("article", { name: "Question 1 by Tomasz" });
  await expect(question).toContainText("Does my thirty days start from Tuesday");
  const answer = page.getByRole("article", { name: "Reply by Nora Whitfield" }).first();
  await expect(answer).toContainText("Post author");
  await expect(answer).toContainText("Day one is the day after your last message");

  await question.getByRole("link", { name: "Open this thread" }).click();
  // The heading says what the question is about; the page offers no link to itself.
  await expect(page.getByRole("heading", { name: "Question 1 from Tomasz", level: 1 })).toContainText(
    "My partner of three years ended things on Sunday",
  );
  await expect(page).toHaveTitle(/^Question 1 from Tomasz: “My partner of three years ended things on Sunday/);
  await expect(page.getByRole("link", { name: "Open this thread" })).toHaveCount(0);
  await expect(page.getByText("4 replies")).toBeVisible();
  await expect(page.getByRole("article", { name: "Reply by Tomasz" })).toHaveCount(2);
});

test("each section's question count links to its questions", async ({ page }) => {
  await page.goto("/articles/no-contact-after-a-breakup");
  await page
    .getByRole("region", { name: /If you can’t avoid your ex completely/ })
    .getByRole("link", { name: "2 questions about this section" })
    .click();
  await expect(page.getByText("Showing questions about If you can’t avoid your ex completely")).toBeVisible();
  await expect(page.getByRole("article", { name: /^Question \d+ by/ })).toHaveCount(2);
  // The heading counts that section's questions, and asking from here asks about it.
  await expect(
    page.getByRole("heading", { name: "2 questions about “If you can’t avoid your ex completely”" }),
  ).toBeVisible();
  await expect(
    page.getByRole("form", { name: "Ask a question" }).getByLabel("Section").locator("option:checked"),
  ).toHaveText("If you can’t avoid your ex completely");
  await page.getByRole("link", { name: "show all" }).click();
  await expect(page.getByText("Showing questions about")).toHaveCount(0);
  expect(await page.getByRole("article", { name: /^Question \d+ by/ }).count()).toBeGreaterThanOrEqual(14);
});

test("a trimmed post shows the moderator's marker", async ({ page }) => {
  await page.goto("/articles/no-contact-after-a-breakup");
  const trimmed = page.getByRole("article", { name: /Question \d+ by Ravi/ });
  await expect(trimmed.getByRole("note", { name: "Edited for length by a moderator" })).toBeVisible();
  await expect(trimmed).not.toContainText("long distance");
});

test("unknown articles and questions get a real 404 page", async ({ page }) => {
  const response = await page.goto("/articles/no-such-article");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  expect((await page.goto("/articles/no-contact-after-a-breakup/questions/999999"))?.status()).toBe(404);
  expect((await page.request.get("/healthz")).status()).toBe(200);
});

test("a question's address is the number readers see, and a post's permalink forwards to it", async ({ page }) => {
  await page.goto("/articles/no-contact-after-a-breakup");
  const second = page.getByRole("article", { name: /^Question 2 by / });
  await second.getByRole("link", { name: "Open this thread" }).click();
  await expect(page).toHaveURL(/\/articles\/no-contact-after-a-breakup\/questions\/2$/);
  await expect(page).toHaveTitle(/^Question 2 from /);
  const id = (await page.getByRole("article", { name: /^Question 2 by / }).getAttribute("id"))!.replace("post-", "");
  const forwarded = await page.request.get(`/articles/no-contact-after-a-breakup/posts/${id}`, { maxRedirects: 0 });
  expect(forwarded.status()).toBe(301);
  expect(forwarded.headers().location).toBe(`/articles/no-contact-after-a-breakup/questions/2#post-${id}`);
  expect((await page.goto("/articles/no-contact-after-a-breakup/posts/999999"))?.status()).toBe(404);
});

test("a page of questions opens at its first question, not at the ask form above the list", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/articles/no-contact-after-a-breakup");
  const heading = await page.getByRole("heading", { name: `questions on “${TITLE}”` }).textContent();
  // Enough questions for a second page (20 a page).
  for (let n = Number(heading!.split(" ")[0]); n <= 20; n++) {
    task("question", "Pager", `Which page is question ${n} on, ${Date.now()}?`);
  }
  await page.goto("/articles/no-contact-after-a-breakup");
  await page
    .getByRole("navigation", { name: "Pages of questions" })
    .getByRole("link", { name: "2", exact: true })
    .click();
  await expect(page).toHaveURL(/page=2#question-list$/);
  await expect(page.locator("#question-list > li").first().getByRole("article").first()).toBeInViewport();
  await expect(page.getByRole("form", { name: "Ask a question" })).not.toBeInViewport();
});
