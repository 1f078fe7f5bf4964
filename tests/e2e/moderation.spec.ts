import type { Browser, Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";
const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1000)}`;

async function guestAsks(browser: Browser, name: string, text: string) {
  const page = await browser.newPage();
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill(name);
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  return page;
}

// Each test's posts are on the queue's first page, whatever the tests before it left waiting.
test.beforeEach(() => void task("settle-queue"));

/**
 * Presses a queue card's "Ban writer". A ban asks first: with JavaScript a dialog, accepted here; without, a second
 * step, returned for the test to check and confirm.
 */
async function banWriter(page: Page, item: Locator): Promise<Locator | null> {
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  if (javaScript) page.once("dialog", (dialog) => dialog.accept());
  await item.getByRole("button", { name: "Ban writer" }).click();
  return javaScript ? null : page.getByRole("form", { name: "Confirm: ban the writer" });
}

async function signInAsModerator(page: Page) {
  await signIn(page, "sam@afterword.example", { to: "/moderation" });
  await expect(page.getByRole("heading", { name: "Moderation queue" })).toBeVisible();
}

test("a moderator approves from the queue with the keyboard, and a stranger sees the question numbered", async ({
  page,
  browser,
}) => {
  test.skip(
    test.info().project.use.javaScriptEnabled === false,
    "The shortcuts need JavaScript; every button works without.",
  );
  const text = `Is a month enough after five years? ${stamp()}`;
  const guest = await guestAsks(browser, "Keyboard Kim", text);
  await guest.close();
  // A second one, so that something is left in the queue to take the focus.
  (await guestAsks(browser, "Keyboard Kit", `And after a month of silence? ${stamp()}`)).close();

  await signInAsModerator(page);
  await expect(page.getByRole("link", { name: /Moderation \(\d+ pending, \d+ reported\)/ })).toBeVisible();
  const item = page.getByRole("article", { name: "Question by Keyboard Kim" });
  await expect(item).toContainText(text);
  await expect(item).toContainText("First post");
  // Move to the item with j, then approve with a.
  const items = page.locator("[data-queue-item]");
  const index = await items.evaluateAll(
    (all, name) => all.findIndex((el) => el.getAttribute("aria-label") === name),
    "Question by Keyboard Kim",
  );
  // Click somewhere that is no control, so that the keys go to the page.
  await page.getByRole("heading", { name: "Moderation queue" }).click();
  await page.keyboard.press("?");
  await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toContainText("approve");
  for (let i = 0; i < index; i++) await page.keyboard.press("j");
  if (index === 0) await page.keyboard.press("k");
  await expect(item).toBeFocused();
  await page.keyboard.press("a");
  // The message names the post and the number it got.
  await expect(page.getByRole("status")).toContainText(/Question \d+ by Keyboard Kim: approved\./);
  // The post that took its place has the focus, ready for the next key.
  await expect(page.locator("[data-queue-item]:focus")).toHaveCount(1);
  await expect(page.getByRole("article", { name: "Question by Keyboard Kim" })).toHaveCount(0);

  // For a minute the decision can be taken back: u (or the Undo button) puts the post back in the queue.
  await expect(page.getByRole("status").getByRole("button", { name: "Undo" })).toBeVisible();
  expect(new URL(page.url()).search).not.toContain("index");
  await page.keyboard.press("u");
  await expect(page.getByRole("status")).toContainText("Undone: the question by Keyboard Kim is pending again.");
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText(/Question \d+ by Keyboard Kim: approved\./);

  const stranger = await browser.newPage();
  await stranger.goto(`${ARTICLE}?sort=newest`);
  const published = stranger.getByRole("article", { name: /^Question \d+ by Keyboard Kim$/ });
  await expect(published).toContainText(text);
  await stranger.close();

  await page.goto("/moderation/log?action=approve");
  await expect(page.getByRole("row").filter({ hasText: "Approved" }).first()).toContainText("Sam Okafor");
});

test("a long post is edited for length: the public sees the marker, the moderator the original", async ({
  page,
  browser,
}) => {
  const keep1 = `My question is about timing ${stamp()}.`;
  const cut =
    "We were together for six years and moved cities twice, and the story of the last year alone would fill pages.";
  const keep2 = "Should I still wait thirty days?";
  const lee = `Long Lee ${Date.now() % 100000}`;
  const guest = await guestAsks(browser, lee, `${keep1}\n\n${cut}\n\n${keep2}`);
  await guest.close();

  await signInAsModerator(page);
  const item = page.getByRole("article", { name: `Question by ${lee}` });
  await item.getByRole("link", { name: "Edit for length" }).click();
  await page.getByLabel("Text").fill(`${keep1}\n\n${keep2}`);
  await page.getByRole("button", { name: "Save edit for length" }).click();
  await expect(page.getByRole("status")).toContainText("the original is kept");
  await page
    .getByRole("article", { name: `Question by ${lee}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(page.getByRole("status")).toContainText(new RegExp(`Question \\d+ by ${lee}: approved\\.`));

  const stranger = await browser.newPage();
  await stranger.goto(`${ARTICLE}?sort=newest`);
  const published = stranger.getByRole("article", { name: new RegExp(`^Question \\d+ by ${lee}$`) });
  await expect(published.getByRole("note", { name: "Edited for length by a moderator" })).toBeVisible();
  await expect(published).not.toContainText("moved cities twice");
  const id = (await published.getAttribute("id"))!.replace("post-", "");
  const number = (await published.getAttribute("aria-label"))!.match(/^Question (\d+)/)![1];
  await stranger.close();

  await page.goto(`/moderation/posts/${id}`);
  await expect(page.locator(".diff del")).toContainText("moved cities twice");
  await page.goto("/moderation/log?action=edit_length");
  // The log names the post by its question's number and marks what was cut.
  const entry = page.getByRole("row").filter({ hasText: "Edited for length" }).first();
  await expect(entry).toContainText(`Question ${number}`);
  await entry.getByText("Before and after").click();
  await expect(entry.locator("del")).toContainText("moved cities twice");
});

test("three posts are rejected at once, and a reader's report reaches the queue", async ({ page, browser }) => {
  const run = Date.now() % 100000;
  const names = [`Bulk One ${run}`, `Bulk Two ${run}`, `Bulk Three ${run}`];
  for (const name of names) (await guestAsks(browser, name, `Please reject me ${stamp()}`)).close();

  const reader = await browser.newPage();
  await reader.goto(ARTICLE);
  const target = reader.getByRole("article", { name: "Question 3 by Elena" });
  await target.getByText("Report the post by Elena").click();
  // Nothing is chosen for the reader; a note in their words is optional.
  await expect(target.getByLabel("Why?")).toHaveValue("");
  await target.getByLabel("Why?").selectOption("Off topic");
  await target.getByLabel("Anything to add? (optional)").fill("It is about another article.");
  await target.getByRole("button", { name: "Send report" }).click();
  await expect(reader.getByRole("status")).toContainText("Thank you for the report");
  await reader.close();

  await signInAsModerator(page);
  for (const name of names) await page.getByRole("checkbox", { name: `Select the post by ${name}` }).check();
  await page.getByRole("button", { name: "Reject selected" }).click();
  // The message names each of them.
  await expect(page.getByRole("status")).toContainText(`3 posts rejected: the question by ${names[0]}`);
  for (const name of names) await expect(page.getByRole("article", { name: `Question by ${name}` })).toHaveCount(0);

  const reported = page.getByRole("article", { name: "Question by Elena" });
  await expect(reported).toContainText("report: Off topic (“It is about another article.”)");

  await page.goto("/moderation/log");
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: "Rejected" })
      .filter({ hasText: String(run) }),
  ).toHaveCount(3);
  await expect(page.getByRole("row").filter({ hasText: "Reported by a reader" }).first()).toContainText("Off topic");
});

test("a moderator bans a guest, and bans their address only when they tick the box", async ({ page, browser }) => {
  const sid = `Spammy Sid ${Date.now() % 100000}`;
  (await guestAsks(browser, sid, `Cheap courses at my shop ${stamp()}`)).close();
  await signInAsModerator(page);
  const item = page.getByRole("article", { name: `Question by ${sid}` });
  await item.getByText("Ban writer…").click();
  await item.getByLabel(/Why ban them/).fill("Selling courses in every thread");
  await item.getByLabel(/Also ban the address/).check();
  const step = await banWriter(page, item);
  if (step) {
    await expect(step).toContainText(`Ban the writer of the question by ${sid}?`);
    await expect(step).toContainText("every guest posting from their address");
    await step.getByRole("button", { name: "Yes, ban the writer" }).click();
  }
  try {
    await expect(page.getByRole("status")).toContainText(
      `The question by ${sid}: banned. Guests posting from its address are banned too`,
    );
    await page.goto("/moderation/log");
    await expect(
      page.getByRole("row").filter({ hasText: "Banned an address (guests)" }).filter({ hasText: sid }),
    ).toHaveCount(1);
    await expect(page.getByRole("row").filter({ hasText: "Banned the writer" }).first()).toContainText("Sam Okafor");
  } finally {
    task("lift-address-bans");
  }
});

test("the article author's answer, reported, can be kept or hidden but its writer not banned", async ({
  page,
  browser,
}) => {
  const reader = await browser.newPage();
  await reader.goto(ARTICLE);
  const answer = reader.getByRole("article", { name: /^Reply by Nora Whitfield/ }).first();
  await answer.getByText("Report the post by Nora Whitfield").click();
  await answer.getByLabel("Why?").selectOption("Off topic");
  await answer.getByRole("button", { name: "Send report" }).click();
  await expect(reader.getByRole("status")).toContainText("Thank you for the report");
  await reader.close();

  await signInAsModerator(page);
  const item = page.getByRole("article", { name: /by Nora Whitfield$/ }).first();
  await expect(item.getByRole("button", { name: "Keep" })).toBeVisible();
  await expect(item.getByRole("button", { name: "Ban writer" })).toHaveCount(0);
  await item.getByRole("button", { name: "Keep" }).click();
  await expect(page.getByRole("status")).toContainText(
    /Nora Whitfield’s reply in question \d+: kept on the page, the report dismissed\./,
  );
});

test("a moderator bans a writer for a day with a reason, finds the ban on the list of bans, and lifts it", async ({
  page,
  browser,
}) => {
  const name = `Day Ban Dora ${Date.now() % 100000}`;
  (await guestAsks(browser, name, `Visit my shop for answers ${stamp()}`)).close();
  await signInAsModerator(page);
  const item = page.getByRole("article", { name: `Question by ${name}` });
  await item.getByText("Ban writer…").click();
  await item.getByLabel(/Why ban them/).fill("Advertising a shop");
  await item.getByRole("combobox", { name: "For" }).selectOption({ label: "A day" });
  const step = await banWriter(page, item);
  if (step) {
    await expect(step.getByLabel(/Why ban them/)).toHaveValue("Advertising a shop");
    await expect(step.getByRole("combobox", { name: "For" })).toHaveValue("day");
    await step.getByRole("button", { name: "Yes, ban the writer" }).click();
  }
  await expect(page.getByRole("status")).toContainText(`The question by ${name}: banned.`);

  await page.getByRole("link", { name: "Bans", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Bans", level: 1 })).toBeVisible();
  await page.getByLabel("Name or email").fill(name);
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Advertising a shop");
  await expect(row).toContainText("Sam Okafor");
  await expect(row).toContainText("The guest (their cookie and email)");
  // It ends a day after it was made.
  const [made, ends] = await row.locator("time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")!));
  expect(Date.parse(ends) - Date.parse(made)).toBe(24 * 60 * 60 * 1000);

  await row.getByText("In force · Lift").click();
  const lift = page.getByRole("form", { name: `Lift the ban on ${name}` });
  await lift.getByRole("button", { name: "Lift the ban" }).click();
  await expect(lift.getByText("Say why the ban is lifted")).toBeVisible();
  await lift.getByLabel("Why lift it?").fill("The shop link was a real recommendation");
  await lift.getByRole("button", { name: "Lift the ban" }).click();
  await expect(page.getByRole("status")).toContainText("The ban is lifted.");
  await expect(row).toContainText("Lifted");
  await expect(row).toContainText("The shop link was a real recommendation");
  // The writer's history is a click away: the ban is on it too.
  await row.getByRole("link", { name: new RegExp(`^${name}\\W+history$`) }).click();
  await expect(page.getByRole("heading", { name: `${name}’s history`, level: 1 })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Advertising a shop");
  await page.goBack();
  await page.goto("/moderation/log?action=lift_ban");
  await expect(page.getByRole("row").filter({ hasText: "Lifted a ban" }).first()).toContainText("Sam Okafor");
});

test("an author sees no list of bans", async ({ page }) => {
  await signIn(page, "nora@afterword.example", { to: "/moderation" });
  await expect(page.getByRole("link", { name: "Bans", exact: true })).toHaveCount(0);
  const response = await page.goto("/moderation/bans");
  expect(response?.status()).toBe(403);
});

test("three readers' reports hide a published question, and a moderator's approval restores it", async ({
  page,
  browser,
}) => {
  const name = `Reported Rex ${Date.now() % 100000}`;
  const text = `Message me privately for the real answer ${stamp()}`;
  const number = task("publish", task("question", name, text, "pending"));
  const thread = `${ARTICLE}/questions/${number}`;
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled;
  for (const [i, reason] of ["Spam or advertising", "Off topic", "Spam or advertising"].entries()) {
    const reader = await browser.newPage({ javaScriptEnabled });
    await reader.goto(thread);
    const question = reader.getByRole("article", { name: `Question ${number} by ${name}` });
    await question.getByText(`Report the post by ${name}`).click();
    await question.getByLabel("Why?").selectOption(reason);
    await question.getByRole("button", { name: "Send report" }).click();
    await expect(reader.getByRole("status")).toContainText(
      i < 2 ? "it stays on the page meanwhile" : "it is off the page until a moderator decides",
    );
    await reader.close();
  }
  const stranger = await browser.newPage({ javaScriptEnabled });
  await stranger.goto(`${ARTICLE}?sort=newest`);
  await expect(stranger.getByText(text)).toHaveCount(0);

  await signInAsModerator(page);
  const item = page.getByRole("article", { name: `Question by ${name}` });
  await expect(item).toContainText("hidden by reports");
  await expect(item).toContainText("report: Spam or advertising");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText(`Question ${number} by ${name}: approved.`);

  await stranger.goto(`${ARTICLE}?sort=newest`);
  await expect(stranger.getByRole("article", { name: `Question ${number} by ${name}` })).toContainText(text);
  await stranger.close();
});

test("staff open a writer's page from a queue card, and see their rejected post and the report against them", async ({
  page,
  browser,
}) => {
  const name = `History Hana ${Date.now() % 100000}`;
  const texts = [`First, rejected ${stamp()}`, `Second, reported ${stamp()}`, `Third, waiting ${stamp()}`];
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled;
  // One guest (one cookie) asks three questions.
  const guest = await browser.newPage({ javaScriptEnabled });
  for (const text of texts) {
    await guest.goto(ARTICLE);
    const ask = guest.getByRole("form", { name: "Ask a question" });
    await ask.getByLabel("Name").fill(name);
    await ask.getByLabel("Your question").fill(text);
    await ask.getByRole("button", { name: "Post question" }).click();
    await expect(guest.getByRole("status")).toContainText("awaiting moderation");
  }
  await guest.close();
  const [rejected, reported] = task("ids", name).split(",");
  task("hide", rejected);
  const number = task("publish", reported);
  const reader = await browser.newPage({ javaScriptEnabled });
  await reader.goto(`${ARTICLE}/questions/${number}`);
  const question = reader.getByRole("article", { name: `Question ${number} by ${name}` });
  await question.getByText(`Report the post by ${name}`).click();
  await question.getByLabel("Why?").selectOption("Off topic");
  await question.getByRole("button", { name: "Send report" }).click();
  await expect(reader.getByRole("status")).toContainText("Thank you for the report");
  await reader.close();

  await signInAsModerator(page);
  const card = page.getByRole("article", { name: `Question by ${name}` }).filter({ hasText: texts[2] });
  await card.getByRole("link", { name: /^Writer’s history/ }).click();
  await expect(page.getByRole("heading", { name: `${name}’s history`, level: 1 })).toBeVisible();
  await expect(page.getByText("3 posts: 1 approved, 1 rejected")).toBeVisible();
  const posts = page.getByRole("region", { name: "Their posts" });
  await expect(posts.getByRole("row").filter({ hasText: texts[0] })).toContainText("Rejected");
  await expect(posts.getByRole("row").filter({ hasText: texts[2] })).toContainText("Awaiting moderation");
  await expect(page.getByRole("region", { name: "Reports against them" })).toContainText("Off topic");
  const note = page.getByRole("form", { name: "Add a note for staff" });
  await note.getByLabel(/A note for other staff/).fill("Asks the same thing in three threads; watch for a fourth.");
  await note.getByRole("button", { name: "Add the note" }).click();
  await expect(page.getByRole("status")).toContainText("Your note is kept for other staff.");
  await expect(page.getByText("Asks the same thing in three threads; watch for a fourth.")).toBeVisible();
});
