// The reader's half, run twice: with JavaScript on and with it off.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";
const TITLE = "The No Contact Rule After a Breakup: What It Can Do, and What It Can’t";

const unique = (text: string) => `${text} (${test.info().project.name}, ${Date.now()})`;

async function questionCount(page: Page) {
  const heading = await page.getByRole("heading", { name: /questions? on “/ }).textContent();
  return Number(heading!.match(/^(\d+)/)![1]);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a guest asks about a section, waits for moderation, and is published with the next number", async ({
  page,
  browser,
}) => {
  await page.goto(ARTICLE);
  const before = await questionCount(page);
  await page
    .getByRole("region", { name: /Getting through the hard days/ })
    .getByRole("link", { name: /Ask about this section/ })
    .click();
  const ask = page.getByRole("form", { name: "Ask a question" });
  await expect(ask.getByLabel("Section")).toHaveValue("hard-days");
  const text = unique("How do I stop rereading our old messages at night?");
  await ask.getByLabel("Name").fill("Ines");
  await ask.getByLabel("Email (optional, never shown)").fill("ines@example.com");
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();

  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  const mine = page.getByRole("article", { name: "Question by Ines" }).filter({ hasText: text });
  await expect(mine).toContainText("Awaiting moderation");
  await expect(mine).toContainText("Getting through the hard days");

  const stranger = await browser.newPage({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  await stranger.goto(ARTICLE);
  await expect(stranger.getByText(text)).toHaveCount(0);
  expect(await questionCount(stranger)).toBe(before);

  // Numbers are never reused, so the new one is past every number shown before.
  const number = Number(task("publish", task("latest", "Ines")));
  expect(number).toBeGreaterThan(before);
  await stranger.goto(`${ARTICLE}?section=hard-days`);
  await expect(stranger.getByText("Showing questions about Getting through the hard days")).toBeVisible();
  const published = stranger.getByRole("article", { name: `Question ${number} by Ines` });
  await expect(published).toContainText(text);
  await expect(published).not.toContainText("Awaiting moderation");
  await stranger.close();
});

test("a reply lands nested under the post it answers", async ({ page }) => {
  await page.goto(ARTICLE);
  const question = page.getByRole("article", { name: "Question 3 by Elena" });
  await question.getByRole("link", { name: "Reply to Elena" }).click();
  const form = page.getByRole("form", { name: "Reply to Elena" });
  const text = unique("I muted her too and it helped.");
  await form.getByLabel("Name").fill("Theo");
  await form.getByLabel("Your reply").fill(text);
  await form.getByRole("button", { name: "Post reply" }).click();

  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  const reply = page.getByRole("article", { name: "Reply by Theo" }).filter({ hasText: text });
  await expect(reply).toContainText("Awaiting moderation");
  // Nested: in the replies list that follows Elena's question.
  const elena = await page.getByRole("article", { name: "Question 3 by Elena" }).getAttribute("id");
  await expect(page.locator(`#${elena} + ol.replies`).getByText(text)).toBeVisible();
});

test("every bad input shows its message next to the field and keeps the text", async ({ page, browser }) => {
  await page.goto(`${ARTICLE}#ask`);
  const ask = page.getByRole("form", { name: "Ask a question" });
  const body = ask.getByLabel("Your question");

  // No name, a bad email, and whitespace for text.
  await ask.getByLabel("Email (optional, never shown)").fill("not-an-email");
  await body.fill("   ");
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(ask.getByText("Please give a name to show with your post.")).toBeVisible();
  await expect(ask.getByText("That doesn’t look like an email address.")).toBeVisible();
  await expect(ask.getByText("Please write something before posting.")).toBeVisible();
  await expect(ask.getByLabel("Email (optional, never shown)")).toHaveValue("not-an-email");
  await expect(ask.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  // A name over 80 characters and a text over 10,000.
  const long = "I keep thinking about it. ".repeat(400);
  await ask.getByLabel("Name").fill("N".repeat(81));
  await ask.getByLabel("Email (optional, never shown)").fill("");
  await ask.getByLabel("Your question").fill(long);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(ask.getByText("Please keep your name to 80 characters or fewer.")).toBeVisible();
  await expect(
    ask.getByText(/Your text is 10,400 characters; the limit is 10,000\. Please shorten it by 400\./),
  ).toBeVisible();
  await expect(ask.getByLabel("Your question")).toHaveValue(long);

  // What one reader typed and was told is theirs alone: a stranger gets the plain page.
  const stranger = await browser.newPage({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  await stranger.goto(ARTICLE);
  await expect(stranger.getByText("Please keep your name to 80 characters or fewer.")).toHaveCount(0);
  await expect(stranger.getByRole("form", { name: "Ask a question" }).getByLabel("Your question")).toHaveValue("");
  await stranger.close();
});

test("a refused question, a refused reply and a preview answer where the form is, message in view", async ({
  page,
}) => {
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill("Viewport Val");
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByText("Please write something before posting.")).toBeInViewport();

  await page.getByRole("form", { name: "Ask a question" }).getByLabel("Your question").fill("Does *this* show?");
  await page.getByRole("form", { name: "Ask a question" }).getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toBeInViewport();

  await page.goto(ARTICLE);
  const first = page.getByRole("article", { name: /^Question \d+ by / }).first();
  await first.getByRole("link", { name: /^Reply/ }).click();
  const reply = page.getByRole("form", { name: /^Reply to / });
  await reply.getByLabel("Name").fill("Viewport Val");
  await reply.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByText("Please write something before posting.")).toBeInViewport();
});

test("after a refusal, a post that goes through leaves the form clear of the old messages", async ({ page }) => {
  await page.goto(ARTICLE);
  const ask = () => page.getByRole("form", { name: "Ask a question" });
  await ask().getByLabel("Name").fill("Clean Cleo");
  await ask().getByRole("button", { name: "Post question" }).click();
  await expect(ask().getByText("Please write something before posting.")).toBeVisible();
  await ask().getByLabel("Your question").fill(unique("Is a week of silence enough to start with?"));
  await ask().getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toBeVisible();
  await ask().getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  await expect(ask().getByText("Please write something before posting.")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Preview" })).toHaveCount(0);
  await expect(ask().getByLabel("Your question")).toHaveValue("");
});

test("a reader previews their Markdown before posting", async ({ page }) => {
  await page.goto(`${ARTICLE}#ask`);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill("Pia");
  await ask.getByLabel("Your question").fill("Is it *really* thirty days? See [the section](https://example.com/x)");
  await ask.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("em")).toHaveText("really");
  await expect(preview.getByRole("link", { name: "the section" })).toHaveAttribute(
    "rel",
    "nofollow ugc noopener noreferrer",
  );
  await expect(page.getByRole("form", { name: "Ask a question" }).getByLabel("Your question")).toHaveValue(
    "Is it *really* thirty days? See [the section](https://example.com/x)",
  );
});

test("a question about a section that is not in the article is refused with the text kept", async ({ page }) => {
  await page.goto(ARTICLE);
  // The list offers only real sections, so send what an outdated page or a crafted form would.
  const response = await page.request.post(ARTICLE, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "ask", name: "Ada", section: "a-section-that-left", body: "Kept words", returnTo: ARTICLE },
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain("That section is not part of this article. Please choose one from the list.");
  expect(html).toContain("Kept words");
});

test("a reply to a post that was hidden meanwhile is refused with the text kept", async ({ page }) => {
  const parentId = task("question", "Mira", unique("Is it normal to feel worse in week three?"));
  await page.goto(`${ARTICLE}?sort=newest`);
  const newest = page.locator(`#post-${parentId}`);
  await newest.getByRole("link", { name: "Reply to Mira" }).click();
  const form = page.getByRole("form", { name: "Reply to Mira" });
  await form.getByLabel("Name").fill("Late");
  await form.getByLabel("Your reply").fill("Words that must not be lost");
  task("hide", parentId);
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByText("The post you are replying to is not on this page any more.")).toBeVisible();
  await expect(page.getByLabel("Your reply")).toHaveValue("Words that must not be lost");
});

test("the article page and its forms have no serious accessibility problems, with errors shown too", async ({
  page,
}) => {
  test.skip(test.info().project.use.javaScriptEnabled === false, "axe-core runs inside the page");
  await page.goto(ARTICLE);
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(ask.getByText("Please give a name to show with your post.")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("a question can be asked with the keyboard alone", async ({ page }) => {
  await page.goto(`${ARTICLE}?section=how-long`);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").focus();
  await page.keyboard.type("Kai");
  await page.keyboard.press("Tab");
  await expect(ask.getByLabel("Email (optional, never shown)")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(ask.getByLabel("Section")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(ask.getByLabel("Your question")).toBeFocused();
  const text = unique("Can I count the days from the last time she messaged me?");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
  await expect(ask.getByLabel("Email me when the author answers or someone replies")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "Post question" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("article", { name: "Question by Kai" }).filter({ hasText: text })).toContainText(
    "Awaiting moderation",
  );
});

test("a reader edits their question while it waits, sees it marked edited, then deletes it", async ({ page }) => {
  const first = unique("Is it fine to mute them instead of blocking?");
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill("Editing Eda");
  await ask.getByLabel("Your question").fill(first);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");

  const mine = page.getByRole("article", { name: "Question by Editing Eda" }).filter({ hasText: first });
  await mine.getByRole("link", { name: "Edit or delete your post" }).click();
  await expect(page.getByRole("heading", { name: "Edit your question" })).toBeVisible();
  const second = unique("Is it fine to mute them rather than block them?");
  await page.getByLabel("Your text").fill(second);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Your post is updated.");
  const edited = page.getByRole("article", { name: "Question by Editing Eda" }).filter({ hasText: second });
  await expect(edited).toContainText("edited");
  await expect(edited).toContainText("Awaiting moderation");

  await edited.getByRole("link", { name: "Edit or delete your post" }).click();
  // Deleting asks first: a dialog with JavaScript (declined once: nothing happens), a second step without.
  if (test.info().project.use.javaScriptEnabled !== false) {
    page.once("dialog", (dialog) => dialog.dismiss());
    await page.getByRole("button", { name: "Delete my post" }).click();
    await expect(page.getByRole("heading", { name: "Edit your question" })).toBeVisible();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete my post" }).click();
  } else {
    await page.getByRole("button", { name: "Delete my post" }).click();
    const step = page.getByRole("form", { name: "Confirm: delete your post" });
    await expect(step).toContainText("Delete this question?");
    await expect(step.getByRole("button", { name: "Yes, delete my post" })).toBeInViewport();
    await step.getByRole("button", { name: "Yes, delete my post" }).click();
  }
  await expect(page.getByRole("status")).toContainText("Your post is deleted.");
  await expect(page.getByRole("article", { name: "Question by Editing Eda" }).filter({ hasText: second })).toHaveCount(
    0,
  );
});

test("a refusal for the same text twice is in view, with the focus on it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const text = unique("Can I answer his birthday message with a short thank you?");
  await page.goto(`${ARTICLE}?ask=what-it-asks#ask`);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill("Twice Tara");
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  await page.goto(`${ARTICLE}?ask=what-it-asks#ask`);
  await page.getByRole("form", { name: "Ask a question" }).getByLabel("Your question").fill(text);
  await page.getByRole("form", { name: "Ask a question" }).getByRole("button", { name: "Post question" }).click();
  const refusal = page.getByText("You already sent this same text today.");
  await expect(refusal).toBeVisible();
  await expect(refusal).toBeInViewport();
  if (test.info().project.use.javaScriptEnabled !== false) await expect(refusal).toBeFocused();
  // The text is kept to change.
  await expect(page.getByRole("form", { name: "Ask a question" }).getByLabel("Your question")).toHaveValue(text);
});
