import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";

test("the author answers from the copyright template, with references, and the question leaves the inbox", async ({
  page,
}) => {
  const asker = `Inbox Ivy ${Date.now() % 100000}`;
  const questionId = task("question", asker, "Can you tell me what the course says to write on day thirty?");

  // The newest first: the question this test asked is on the first page however many are open.
  await signIn(page, "nora@afterword.example", { to: "/author?sort=newest" });
  await expect(page.getByRole("heading", { name: "Unanswered questions" })).toBeVisible();

  const question = page.getByRole("article", { name: new RegExp(`^Question \\d+ by ${asker}$`) });
  await expect(question).toContainText("what the course says");
  const composer = question.getByRole("form", { name: `Answer ${asker}` });
  await composer.getByLabel("Template").selectOption({ label: "copyright: Can’t share the course" });
  await composer.getByRole("button", { name: "Insert template" }).click();
  const answer = page.getByRole("article", { name: new RegExp(`by ${asker}$`) }).getByLabel("Your answer");
  await expect(answer).toHaveValue(new RegExp(`^Thanks for asking, ${asker}\\. I can’t go into the details`));
  // The address stays the inbox's own, with no routing detail such as ?index in it.
  expect(new URL(page.url()).search).not.toContain("index");
  // The pickers insert references without guessing ids or numbers.
  const card = () => page.getByRole("article", { name: new RegExp(`by ${asker}$`) });
  await card().getByLabel("Link a section").selectOption({ label: "How long should no contact last? (§how-long)" });
  await card().getByRole("button", { name: "Insert link" }).click();
  await expect(card().getByLabel("Your answer")).toHaveValue(/ §how-long$/);
  // A question is referred to as typed (its list is found as the author types: tests/e2e/marks.spec.ts).
  await answer.fill(`${await answer.inputValue()} #2`);
  await expect(card().getByLabel("Your answer")).toHaveValue(/ §how-long #2$/);
  await answer.fill(`${await answer.inputValue()}\n\nMore on waiting in those two places.`);
  await page
    .getByRole("article", { name: new RegExp(`by ${asker}$`) })
    .getByRole("button", { name: "Publish answer" })
    .click();
  await expect(page.getByRole("status")).toContainText(`Your answer to ${asker} is published.`);
  await expect(page.getByRole("article", { name: new RegExp(`by ${asker}$`) })).toHaveCount(0);
  expect(new URL(page.url()).search).not.toContain("index");

  // Its permalink forwards to the question by its number.
  await page.goto(`/articles/no-contact-after-a-breakup/posts/${questionId}`);
  await expect(page).toHaveURL(/\/questions\/\d+#post-\d+$/);
  const reply = page.getByRole("article", { name: "Reply by Nora Whitfield" });
  await expect(reply).toContainText("Post author");
  await expect(reply).toContainText(`Thanks for asking, ${asker}.`);
  await expect(reply.getByRole("link", { name: "Priya’s question (#2)" })).toHaveAttribute("href", /\/questions\/\d+$/);
  await expect(reply.getByRole("link", { name: "How long should no contact last?" })).toHaveAttribute(
    "href",
    "/articles/no-contact-after-a-breakup#how-long",
  );
});

test("an answer repeating protected text is stopped, with the passage highlighted", async ({ page }) => {
  const asker = `Guarded Gus ${Date.now() % 100000}`;
  task("question", asker, "What does the settling week involve?");
  // The newest first: the question this test asked is on the first page however many are open.
  await signIn(page, "nora@afterword.example", { to: "/author?sort=newest" });
  const item = page.getByRole("article", { name: new RegExp(`by ${asker}$`) });
  await item
    .getByLabel("Your answer")
    .fill(
      "Briefly: IN THE QUIET RETURN METHOD, the first week is called “the settling week” — and that is all I can say.",
    );
  await item.getByRole("button", { name: "Publish answer" }).click();
  // The refusal is tied to the answer box, so a screen reader reads it with the field.
  await expect(item.getByLabel("Your answer")).toHaveAccessibleDescription(
    /repeats protected text from “The Quiet Return \(course text, stand-in\)”/,
  );
  await expect(page.getByRole("region", { name: "Protected text found" }).locator("mark")).toContainText(
    "IN THE QUIET RETURN METHOD, the first week is called “the settling week",
  );
  await page.getByRole("button", { name: "Use the copyright template instead" }).click();
  await expect(page.getByRole("article", { name: new RegExp(`by ${asker}$`) }).getByLabel("Your answer")).toHaveValue(
    /I can’t go into the details of that course here/,
  );
});
