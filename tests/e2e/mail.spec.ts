// A reader is told: a guest asks with their email and the box ticked,
// confirms from the link in the email, is emailed the author's answer, opens
// it from the email, and stops the mail from the page its link opens. With no
// SMTP server (the demo's mode) admins read the emails at /admin/mail.
import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";

async function signedIn(browser: Browser, email: string) {
  const page = await browser.newPage();
  await signIn(page, email);
  return page;
}

/** The plain text of the newest email to an address whose subject matches, as the admin's mailbox shows it. */
async function readEmail(admin: Page, to: string, subject: RegExp) {
  await expect(async () => {
    await admin.goto("/admin/mail");
    await admin.getByRole("row").filter({ hasText: to }).getByRole("link", { name: subject }).first().click();
  }).toPass({ timeout: 15_000 });
  return (await admin.locator(".mail-text").textContent()) ?? "";
}

const linkTo = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(text);
  if (!match) throw new Error(`no ${path} link in ${text}`);
  return match[0];
};

test("a guest follows their question by email, opens the author's answer from it, and stops it", async ({
  page,
  browser,
}) => {
  const name = `Mail Mo ${Date.now() % 100000}`;
  const email = `mo-${Date.now()}@example.com`;
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill(name);
  await ask.getByLabel("Email (optional, never shown)").fill(email);
  await ask.getByLabel("Email me when the author answers or someone replies").check();
  // Not a section's question: the tests of sections count theirs.
  await ask.getByLabel("Section").selectOption({ label: "The whole article" });
  await ask.getByLabel("Your question").fill(`Do I tell mutual friends I am doing no contact? (${Date.now()})`);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  // The thank-you says where the confirmation went.
  await expect(page.getByRole("status")).toContainText(`We sent a link to ${email}: open it to confirm the address`);

  const admin = await signedIn(browser, "admin@afterword.example");
  const confirmation = await readEmail(admin, email, /Please confirm your email address/);
  // The email and the page it opens name the question (awaiting moderation still) and the article.
  expect(confirmation).toContain("about your question on “The No Contact Rule After a Breakup");
  await page.goto(linkTo(confirmation, "/subscriptions/confirm?token="));
  await expect(page.getByRole("heading", { name: "Thank you, your address is confirmed" })).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: `A question from ${name}, awaiting moderation` }),
  ).toContainText("The No Contact Rule After a Breakup");

  const number = task("publish", task("latest", name));
  // The author answers in the thread itself (the inbox pages may hold many questions by now).
  const nora = await signedIn(browser, "nora@afterword.example");
  await nora.goto(`${ARTICLE}/questions/${number}`);
  await nora
    .getByRole("article", { name: `Question ${number} by ${name}` })
    .getByRole("link", { name: /^Reply/ })
    .click();
  const form = nora.getByRole("form", { name: `Reply to ${name}` });
  await form.getByLabel("Your reply").fill("Tell the two closest, once, and ask them not to pass news along.");
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(nora.getByRole("status")).toContainText("Your reply is published.");
  await nora.close();

  const answer = await readEmail(admin, email, /^Nora Whitfield answered question \d+/);
  expect(answer).toContain("Tell the two closest, once");
  await admin.close();
  await page.goto(linkTo(answer, "/posts/"));
  await expect(page).toHaveURL(/\/questions\/\d+#post-\d+$/);
  const reply = page.getByRole("article", { name: "Reply by Nora Whitfield" });
  await expect(reply).toContainText("Post author");
  await expect(reply).toContainText("Tell the two closest, once");

  await page.goto(linkTo(answer, "/subscriptions?token="));
  await expect(page.getByRole("heading", { name: "What you follow" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole("button", { name: "Stop following this" }).click();
  await expect(page.getByRole("status")).toContainText("Done: you no longer follow that.");
  await expect(page.getByText("Nothing: we send no more notifications to this address.")).toBeVisible();
});

test("a guest deletes their question from the link in their confirmation email", async ({ page, browser }) => {
  const name = `Link Lou ${Date.now() % 100000}`;
  const email = `lou-${Date.now()}@example.com`;
  const text = `Should I unfollow them everywhere, or only mute? (${Date.now()})`;
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill(name);
  await ask.getByLabel("Email (optional, never shown)").fill(email);
  await ask.getByLabel("Email me when the author answers or someone replies").check();
  await ask.getByLabel("Section").selectOption({ label: "The whole article" });
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");

  const admin = await signedIn(browser, "admin@afterword.example");
  const confirmation = await readEmail(admin, email, /Please confirm your email address/);
  await admin.close();
  expect(confirmation).toContain("Your posts here (delete any of them), and all mail to this address (stop it)");
  // Opened anywhere (another browser, no cookie of theirs): the link alone says whose posts these are.
  const elsewhere = await browser.newPage({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  await elsewhere.goto(linkTo(confirmation, "/subscriptions?token="));
  const mine = elsewhere.getByRole("form", { name: /^Your post on / }).filter({ hasText: text });
  await expect(mine).toContainText("(awaiting moderation)");
  await mine.getByRole("button", { name: "Delete this post" }).click();
  await expect(elsewhere.getByRole("status")).toContainText("Done: your post is deleted.");
  await expect(elsewhere.getByRole("form", { name: /^Your post on / }).filter({ hasText: text })).toHaveCount(0);
  await elsewhere.getByRole("button", { name: "Stop all mail to this address" }).click();
  await expect(elsewhere.getByRole("status")).toContainText("we will send nothing more to this address");
  await elsewhere.close();
  // Gone from the guest's own page too.
  await page.goto(ARTICLE);
  await expect(page.getByText(text)).toHaveCount(0);
});
