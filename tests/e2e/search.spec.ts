// Already answered? Similar questions while a reader asks, for the author in
// the inbox and the moderator in the queue, and search across every answer;
// run with JavaScript on and off.
import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";
const withJs = () => test.info().project.use.javaScriptEnabled !== false;

test("a reader writing a question that was answered sees it suggested, and opens it", async ({ page }) => {
  await page.goto(`${ARTICLE}?ask=what-it-asks#ask`);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask
    .getByLabel("Your question")
    .fill("Is watching his Instagram stories breaking no contact? He sees I viewed them.");
  // With JavaScript the list comes after a pause in typing; without, Preview brings it.
  if (!withJs()) await ask.getByRole("button", { name: "Preview" }).click();
  const similar = page.getByRole("region", { name: /Already asked\?/ });
  await expect(similar).toBeVisible();
  // (Another test's question may be suggested too: a rephrasing of the same one.)
  const suggestion = similar.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^#\d+ by Elena$/ }) });
  await expect(suggestion).toContainText("Answered by the author");
  await expect(suggestion.locator("mark").first()).toHaveText("stories");
  // The question is still there to post, as written.
  await expect(page.getByRole("form", { name: "Ask a question" }).getByLabel("Your question")).toHaveValue(
    /Instagram stories/,
  );
  await suggestion.getByRole("link", { name: /^#\d+ by Elena$/ }).click();
  await expect(page).toHaveURL(/\/questions\/\d+#post-\d+$/);
  await expect(page.getByRole("article", { name: /Question \d+ by Elena/ })).toContainText(
    "Does looking at her stories count as breaking no contact?",
  );
});

test("the author sees the answered question a new one repeats, and points to it", async ({ page }) => {
  const asker = `Repeat Rita ${Date.now() % 100000}`;
  const questionId = task(
    "question",
    asker,
    "If I look at his stories, is that breaking no contact? He can see that I viewed them.",
  );
  // The inbox lists the oldest first: the newest question is on its last page (a page past the end shows it).
  await signIn(page, "nora@afterword.example", { to: "/author?page=999" });
  const card = page.getByRole("article", { name: new RegExp(`^Question \\d+ by ${asker}$`) });
  const like = card.getByRole("region", { name: `Answered questions like ${asker}’s` });
  // Elena's question, or this test's own from the run with JavaScript on (the same words, answered by then).
  const first = like.getByRole("listitem").first();
  await expect(first).toContainText("stories");
  const [, number, name] = (await first.getByRole("link").innerText()).match(/^#(\d+) by (.+)$/)!;
  await first.getByRole("button", { name: `Point to #${number}` }).click();
  const answer = page.getByRole("article", { name: new RegExp(`by ${asker}$`) }).getByLabel("Your answer");
  await expect(answer).toHaveValue(
    new RegExp(`^${asker}, I answered a very similar question from ${name} in #${number}:`),
  );
  // The pointer is a draft: the author adds to it before publishing.
  await answer.fill(`${await answer.inputValue()} Looking counts, even without a message.`);
  await page
    .getByRole("article", { name: new RegExp(`by ${asker}$`) })
    .getByRole("button", { name: "Publish answer" })
    .click();
  await expect(page.getByRole("status")).toContainText(`Your answer to ${asker} is published.`);

  await page.goto(`${ARTICLE}/posts/${questionId}`);
  const reply = page.getByRole("article", { name: "Reply by Nora Whitfield" }).last();
  await expect(reply).toContainText("Looking counts, even without a message.");
  await expect(reply.getByRole("link", { name: `${name}’s question (#${number})` })).toHaveAttribute(
    "href",
    new RegExp(`/questions/${number}$`),
  );
});

test("the queue flags a waiting question as a possible duplicate of a published one", async ({ page }) => {
  const asker = `Twice Tom ${Date.now() % 100000}`;
  task("question", asker, "Does the count reset if my ex messaged me on day nine and I replied?", "pending");
  // The queue lists the oldest first: the newest post is on its last page.
  await signIn(page, "sam@afterword.example", { to: "/moderation?page=999" });
  const item = page.getByRole("article", { name: new RegExp(asker) });
  const flags = item.getByRole("list", { name: "Flags" });
  await expect(flags).toContainText(/possible duplicate of #\d+ by/);
  await flags.getByRole("link").click();
  await expect(page).toHaveURL(/\/questions\/\d+#post-\d+$/);
  await expect(page.locator("body")).toContainText("Does that reset the count?");
});

test("a search finds an answer by words from its body and highlights them", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("search").getByLabel("Search questions and answers");
  await box.fill("lunches with other people");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=lunches/);
  await expect(page.getByRole("heading", { name: "1 result for “lunches with other people”" })).toBeVisible();
  const result = page.getByRole("listitem").filter({ hasText: "Answer in question" });
  await expect(result).toContainText("Post author");
  await expect(result.locator("mark")).toHaveText(["lunch", "people"]);
  await result.getByRole("link", { name: /^Answer in question #\d+ by Nora Whitfield$/ }).click();
  await expect(page).toHaveURL(/\/questions\/\d+#post-\d+$/);

  // Narrowed to an article, then to one of its sections; words nowhere give a clear answer.
  await page.goto("/search?q=day");
  await page.getByLabel("Article").selectOption({ label: "How to Plan Your First Month of No Contact, Step by Step" });
  if (!withJs()) await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await page.getByLabel("Section").selectOption({ index: 1 });
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/article=how-to-plan-a-month-of-no-contact&section=/);
  await page.getByLabel("Words to find").fill("zebra crossing");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Nothing found for “zebra crossing”" })).toBeVisible();
});
