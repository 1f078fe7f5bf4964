// The front door (issue 10): what a new reader, author and moderator tried
// and found wrong, each tried again here, with JavaScript on and off.
import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";
const stamp = () => `${test.info().project.name} ${Date.now()}`;

test("two letters are not a question: refused with the reason, the text kept, the message in view", async ({
  page,
}) => {
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill("Brief Bo");
  await ask.getByLabel("Your question").fill("hi");
  await ask.getByRole("button", { name: "Post question" }).click();
  const question = page.getByRole("form", { name: "Ask a question" }).getByLabel("Your question");
  await expect(question).toHaveAccessibleDescription(/Please ask your question in a sentence or two/);
  await expect(page.getByText("Please ask your question in a sentence or two").first()).toBeInViewport();
  await expect(question).toHaveValue("hi");
  await expect(page.getByRole("form", { name: "Ask a question" }).getByLabel("Name")).toHaveValue("Brief Bo");
});

test("a writer is not offered to report their own post; a stranger is", async ({ page, browser }) => {
  const name = `Own Olga ${Date.now() % 100000}`;
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill(name);
  await ask.getByLabel("Your question").fill(`Should I answer a birthday message from my ex? ${stamp()}`);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  task("publish", task("latest", name));

  await page.goto(`${ARTICLE}?sort=newest`);
  const mine = page.getByRole("article", { name: new RegExp(`^Question \\d+ by ${name}$`) });
  await expect(mine).toBeVisible();
  await expect(mine.getByText(/^Report/)).toHaveCount(0);

  const stranger = await browser.newPage({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  await stranger.goto(`${ARTICLE}?sort=newest`);
  await expect(
    stranger.getByRole("article", { name: new RegExp(`^Question \\d+ by ${name}$`) }).getByText(/^Report/),
  ).toHaveCount(1);
  await stranger.close();
});

test("a moderator's decision names the post and can be undone from its message", async ({ page, browser }) => {
  const name = `Undo Uma ${Date.now() % 100000}`;
  task("settle-queue"); // the queue's first page has room for this post
  const guest = await browser.newPage();
  await guest.goto(ARTICLE);
  const ask = guest.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill(name);
  await ask.getByLabel("Your question").fill(`Is it fine to keep the photos? ${stamp()}`);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(guest.getByRole("status")).toContainText("awaiting moderation");
  await guest.close();

  await signIn(page, "sam@afterword.example", { to: "/moderation" });
  await page
    .getByRole("article", { name: `Question by ${name}` })
    .getByRole("button", { name: "Reject" })
    .click();
  await expect(page.getByRole("status")).toContainText(`The question by ${name}: rejected.`);
  await expect(page.getByRole("article", { name: `Question by ${name}` })).toHaveCount(0);
  await expect(page).toHaveURL((url) => url.pathname === "/moderation" && !url.search.includes("index"));

  await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status")).toContainText(`Undone: the question by ${name} is pending again.`);
  await expect(page.getByRole("article", { name: `Question by ${name}` })).toBeVisible();

  await page.goto("/moderation/log?action=undo");
  await expect(page.getByRole("row").filter({ hasText: "Undid a decision" }).first()).toContainText("Rejected");
});

test("settings refused name every problem at once and keep what was typed", async ({ page }) => {
  await signIn(page, "admin@afterword.example", { to: "/admin/settings" });
  await page.getByLabel("Soft limit (characters)").fill("20000");
  await page.getByLabel("Hard limit (characters)").fill("9000");
  await page.getByLabel("Links before a post is flagged").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toContainText("Some settings need another look.");
  await expect(page.getByLabel("Soft limit (characters)")).toHaveAccessibleDescription(/at most 10000/);
  await expect(page.getByLabel("Links before a post is flagged")).toHaveAccessibleDescription(/whole number/);
  await expect(page.getByLabel("Soft limit (characters)")).toHaveValue("20000");
  await expect(page.getByLabel("Hard limit (characters)")).toHaveValue("9000");
  // Nothing was half saved.
  await page.goto("/admin/settings");
  await expect(page.getByLabel("Hard limit (characters)")).toHaveValue("10000");
});

test("the author's inbox shows the thread's replies and reports every bad reference at once", async ({ page }) => {
  const asker = `Thread Theo ${Date.now() % 100000}`;
  const id = task("question", asker, "What do I say if my ex writes first after three weeks?");
  // A reader's reply already in the thread.
  task("reply", id, "Reply Rosa", "I waited and did not answer; it helped.");

  await signIn(page, "nora@afterword.example", { to: "/author?sort=newest" });
  const card = page.getByRole("article", { name: new RegExp(`by ${asker}$`) });
  await card.getByText("1 reply so far").click();
  await expect(card).toContainText("I waited and did not answer; it helped.");
  await card.getByLabel("Your answer").fill("See #9999 and §nowhere-at-all before anything else.");
  await card.getByRole("button", { name: "Publish answer" }).click();
  const answer = page.getByRole("article", { name: new RegExp(`by ${asker}$`) }).getByLabel("Your answer");
  await expect(answer).toHaveAccessibleDescription(/#9999.*§nowhere-at-all/);
  await expect(answer).toBeInViewport();
  await expect(answer).toHaveValue("See #9999 and §nowhere-at-all before anything else.");
});
