// Readers' marks and the author's inbox ordered by them, with JavaScript on
// and off: a reader finds a long question from a short rephrasing and says it
// is theirs (counted once, no post, taken back), marks the author's answer as
// having answered them, and the author's inbox opens on the most wanted open
// question, where "Point to a question" finds one by its number or its words.
import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";
import { LONG_QUESTIONS } from "../search/long-questions";

const ARTICLE = "/articles/no-contact-after-a-breakup";
const withJs = () => test.info().project.use.javaScriptEnabled !== false;
const tag = () => `${withJs() ? "J" : "N"}${Date.now() % 100000}`;

test("a short rephrasing finds a long question; “This is my question” counts once, posts nothing, and is taken back", async ({
  page,
}) => {
  const long = LONG_QUESTIONS.find((q) => q.key === "dog")!;
  const asker = `Dog owner ${tag()}`;
  task("question", asker, long.body);
  await page.goto(`${ARTICLE}?ask=what-it-asks#ask`);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Your question").fill(long.rephrasings[0]);
  if (!withJs()) await ask.getByRole("button", { name: "Preview" }).click();
  const similar = page.getByRole("region", { name: /Already asked\?/ });
  const suggestion = similar
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: new RegExp(`by ${asker}$`) }) });
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole("button", { name: /This is my question/ }).click();

  // The thread's own page: counted, the reader's mark shown with the way to take it back, and no post of theirs.
  await expect(page).toHaveURL(/\/questions\/\d+#post-\d+$/);
  await expect(page.getByRole("status")).toContainText("Counted: 1 reader has this question");
  const question = page.getByRole("article", { name: new RegExp(`^Question \\d+ by ${asker}$`) });
  await expect(question).toContainText("1 reader has this question");
  await expect(question).toContainText("You have this question too.");
  await expect(page.getByText("Awaiting moderation")).toHaveCount(0);

  // The same visitor, from the shared list, counts once.
  const threadUrl = page.url();
  await page.goto(`${ARTICLE}?sort=newest`);
  const listed = page.getByRole("article", { name: new RegExp(`^Question \\d+ by ${asker}$`) });
  await listed.getByRole("button", { name: /I have this question too/ }).click();
  await expect(page.getByRole("status")).toContainText(
    "You marked this already; it counts once. 1 reader has this question",
  );

  // And takes it back.
  await page.goto(threadUrl);
  await page
    .getByRole("article", { name: new RegExp(`^Question \\d+ by ${asker}$`) })
    .getByRole("button", { name: /Take it back/ })
    .click();
  await expect(page.getByRole("status")).toContainText("Your mark is taken back. 0 readers have this question");
  await expect(page.getByRole("article", { name: new RegExp(`^Question \\d+ by ${asker}$`) })).not.toContainText(
    "readers have this question",
  );
});

test("a reader marks an answer in the thread as having answered their question, and the mark is counted", async ({
  page,
}) => {
  const asker = `Asker ${tag()}`;
  const id = task("question", asker, "Is a short birthday text during the silence a message, or just manners?");
  // An answer in the thread (the button is on every reply, the author’s included).
  const reply = task("reply", id, "Helper", "A birthday text is still a message: wait until the month is over.");
  await page.goto(`${ARTICLE}/posts/${reply}`);
  const answer = page.getByRole("article", { name: "Reply by Helper" });
  await answer.getByRole("button", { name: /This answered my question/ }).click();
  await expect(page.getByRole("status")).toContainText("Thank you: this answered 1 reader’s question");
  await expect(page.getByRole("article", { name: "Reply by Helper" })).toContainText("Answered 1 reader’s question");
  await expect(page.getByRole("article", { name: "Reply by Helper" })).toContainText("You marked this.");
});

test("the author's inbox opens on the most wanted question, and “Point to a question” finds one by number or words", async ({
  page,
}) => {
  const asker = `Wanted ${tag()}`;
  task(
    "question",
    asker,
    "Can I keep the spare key to his flat until the thirty days are over, or must I return it now?",
  );
  await page.goto(`${ARTICLE}?sort=newest`);
  await page
    .getByRole("article", { name: new RegExp(`^Question \\d+ by ${asker}$`) })
    .getByRole("button", { name: /I have this question too/ })
    .click();
  await expect(page.getByRole("status")).toContainText("Counted");

  await signIn(page, "nora@afterword.example", { to: "/author" });
  await expect(page.getByRole("heading", { name: "Unanswered questions" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Order" })).toContainText("Most wanted");
  // The first card is a question readers have too (this test's, or an earlier run's with as many marks).
  const first = page.locator("ol.queue > li").first().getByRole("article");
  await expect(first).toContainText(/readers? ha(s|ve) this question too/);
  const card = page.getByRole("article", { name: new RegExp(`by ${asker}$`) });
  await expect(card).toContainText("1 reader has this question too");

  const finder = card.getByLabel("Point to a question");
  if (withJs()) {
    // Words find the question; the list offers it by number.
    await finder.fill("spare key");
    await expect(card.locator("datalist option").first()).toHaveAttribute("value", /^#\d+ by /);
    await finder.fill("");
  }
  await finder.fill("#1");
  await card.getByRole("button", { name: "Point to it" }).click();
  await expect(page.getByRole("article", { name: new RegExp(`by ${asker}$`) }).getByLabel("Your answer")).toHaveValue(
    /in #1: have a look there first/,
  );
});
