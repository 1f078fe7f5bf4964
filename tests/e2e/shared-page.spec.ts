// The article page is kept once and sent to every reader as the same bytes;
// what is personal (a guest's question awaiting moderation, a signed-in
// header) is never in it, and never reaches another reader.
import { expect, test } from "./fixtures";

const ARTICLE = "/articles/no-contact-after-a-breakup";

test("a guest's pending question and a signed-in header stay with their own reader", async ({ browser }) => {
  const text = `Does the count restart if they message me first? (${Date.now()})`;
  const guest = await browser.newPage();
  await guest.goto(ARTICLE);
  const ask = guest.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Name").fill("Pending Pam");
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(guest.getByRole("status")).toContainText("awaiting moderation");

  const member = await browser.newPage();
  await member.goto(`/login?redirectTo=${ARTICLE}`);
  await member.getByLabel("Email").fill("sam@afterword.example");
  await member.getByLabel("Password").fill("afterword-demo-2026");
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByText("Signed in as")).toBeVisible();

  const stranger = await browser.newPage();
  // Past the version check after the writes above, the stranger's visit keeps the page of the current version.
  await stranger.waitForTimeout(300);
  const response = await stranger.goto(ARTICLE);
  expect(response!.headers()["cache-control"]).toMatch(/^(public|private, no-cache)/);
  await stranger.reload();

  // Each sees their own, and only their own, in a page made from the kept one (its scripts run: the suite
  // fails on any console error, a hydration mismatch included).
  expect((await guest.reload())!.headers()["x-page-cache"]).toBe("personal");
  await expect(guest.getByRole("article", { name: "Question by Pending Pam" }).filter({ hasText: text })).toContainText(
    "Awaiting moderation",
  );
  await expect(guest.getByText("Signed in as")).toHaveCount(0);
  expect((await member.reload())!.headers()["x-page-cache"]).toBe("personal");
  await expect(member.getByText("Signed in as")).toBeVisible();
  await expect(member.getByText(text)).toHaveCount(0);
  // The page works: a reply form opens (in place with JavaScript, by its address without).
  await member
    .getByRole("link", { name: /^Reply to / })
    .first()
    .click();
  await expect(member.getByRole("form", { name: /^Reply to / })).toBeVisible();
  await expect(stranger.getByText(text)).toHaveCount(0);
  await expect(stranger.getByText("Signed in as")).toHaveCount(0);
  await expect(stranger.getByRole("heading", { name: /questions? on “/ })).toBeVisible();
  for (const page of [guest, member, stranger]) await page.close();
});
