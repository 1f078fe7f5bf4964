// Every page on a 390-pixel phone, as a guest and signed in as each role:
// nothing may be wider than the screen. Each page's screenshot is attached to
// the test's results (test-results/phone-…/), to be looked at.
import type { Page, TestInfo } from "@playwright/test";
import { expect, openWriterHistory, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";

test.use({ viewport: { width: 390, height: 844 } });

async function signUpReader(page: Page) {
  task("lift-sign-up-limits");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Phone Reader");
  await page.getByLabel("Email").fill(`phone-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long phone passphrase 2026");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Signed in as")).toBeVisible();
}

async function fitsTheScreen(page: Page, path: string, who: string, info: TestInfo) {
  const response = await page.goto(path);
  expect(response?.status(), `${who} ${path}`).toBeLessThan(500);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const name = `${who}${path.replace(/[^a-z0-9]+/gi, "-")}.png`;
  const file = info.outputPath(name);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(name, { path: file, contentType: "image/png" });
  expect(width, `${who} ${path} is ${width} px wide`).toBeLessThanOrEqual(390);
}

const READER_PAGES = [
  "/",
  ARTICLE,
  `${ARTICLE}?section=how-long`,
  "/articles/how-to-plan-a-month-of-no-contact",
  "/articles/no-such-article",
];

test("every page fits a 390-pixel phone, for a guest", async ({ page }, info) => {
  const thread = await threadPath(page);
  for (const path of [...READER_PAGES, thread, "/login", "/signup", "/forgot-password"]) {
    await fitsTheScreen(page, path, "guest", info);
  }
  // An opened report form too.
  await page.goto(ARTICLE);
  await page
    .getByText(/^Report/)
    .first()
    .click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("every page fits a 390-pixel phone, for a reader", async ({ page }, info) => {
  await signUpReader(page);
  const thread = await threadPath(page);
  // Their own question, waiting for a moderator, and its edit page.
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Your question").fill(`Can I edit this on a phone? ${Date.now()}`);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  const edit = await page.getByRole("link", { name: /^Edit/ }).first().getAttribute("href");
  for (const path of [...READER_PAGES, thread, "/account", edit!]) await fitsTheScreen(page, path, "reader", info);
});

const STAFF: [string, string, string[]][] = [
  [
    "author",
    "nora@afterword.example",
    ["/author", "/author/templates", "/author/protected", "/author/sections", "/moderation", "/moderation/log"],
  ],
  ["moderator", "sam@afterword.example", ["/moderation", "/moderation/log", "/moderation/bans", "WRITER", "EDIT"]],
  [
    "admin",
    "admin@afterword.example",
    [
      "/author",
      "/author/templates",
      "/author/protected",
      "/author/sections",
      "/moderation",
      "/moderation/log",
      "/moderation/bans",
      "WRITER",
      "EDIT",
      "/admin/settings",
      "/admin/mail",
    ],
  ],
];

for (const [role, email, pages] of STAFF) {
  test(`every page fits a 390-pixel phone, for the ${role}`, async ({ page }, info) => {
    task("settle-queue"); // the posts this test makes are on the queue's first page
    const question = task("question", "Phone Check", `A question to edit on a phone ${Date.now()}`);
    await signIn(page, email);
    const thread = await threadPath(page);
    const writer = pages.includes("WRITER") ? await writerHistoryPath(page) : null;
    const paths = [...READER_PAGES, thread, "/account", ...pages].map((p) =>
      p === "EDIT" ? `/moderation/posts/${question}` : p === "WRITER" ? writer! : p,
    );
    for (const path of paths) await fitsTheScreen(page, path, role, info);
    // The header's last link is on screen, not pushed off its right edge.
    const signOut = page.getByRole("button", { name: "Sign out" });
    await expect(signOut).toBeInViewport();
    // A decision's message, with its Undo button, fits too.
    const waiting = `Phone Wait ${role} ${Date.now() % 100000}`;
    task("question", waiting, "A question that waits for a decision on a phone", "pending");
    await page.goto("/moderation");
    await page
      .getByRole("article", { name: `Question by ${waiting}` })
      .getByRole("button", { name: "Approve" })
      .click();
    await expect(page.getByRole("status").getByRole("button", { name: "Undo" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const shot = info.outputPath(`${role}-after-a-decision.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await info.attach(`${role}-after-a-decision.png`, { path: shot, contentType: "image/png" });
    expect(width, `${role} /moderation after a decision is ${width} px wide`).toBeLessThanOrEqual(390);
  });
}

async function threadPath(page: Page) {
  await page.goto(ARTICLE);
  const href = await page.locator(`a[href*="/questions/"]`).first().getAttribute("href");
  return href!.split("#")[0];
}

/** A writer's history, as a moderator opens it from the queue. */
async function writerHistoryPath(page: Page) {
  const writer = `Phone Writer ${Date.now() % 100000}`;
  task(
    "question",
    writer,
    "A question whose writer's history is read on a phone",
    "pending",
    `${Date.now()}@phone.example`,
  );
  return openWriterHistory(page, writer);
}
