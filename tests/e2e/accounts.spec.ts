import { readFileSync } from "node:fs";
import { expect, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";

// Every browser test signs up from 127.0.0.1, which the per-address sign-up limit would soon hold.
test.beforeEach(() => {
  task("lift-sign-up-limits");
});

test("a reader signs up, is trusted after an approval, posts at once, signs out and back in", async ({ page }) => {
  const email = `reader-${Date.now()}@example.com`;
  const password = "slow green river tuesday";

  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).click();
  await page.getByLabel("Name").fill("Robin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("That password is one of the most common ones")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Signed in as Robin")).toBeVisible();

  // A first post waits for a moderator.
  await page.goto(ARTICLE);
  const ask = page.getByRole("form", { name: "Ask a question" });
  await expect(ask.getByText("Posting as Robin")).toBeVisible();
  await expect(ask.getByLabel("Name")).toHaveCount(0);
  await expect(ask.getByText("Questions are published once a moderator has read them.")).toBeVisible();
  await ask.getByLabel("Your question").fill(`Does day one start after the last text? (${Date.now()})`);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  task("publish", task("latest-by", email));

  // Now trusted: the form says so, and the next one is published at once.
  await page.reload();
  await expect(ask.getByText("Your question is published as soon as you post it.")).toBeVisible();
  const second = `And can I still reply to her birthday message? (${Date.now()})`;
  await ask.getByLabel("Your question").fill(second);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("Your question is published.");
  const published = page.getByRole("article", { name: /^Question \d+ by Robin$/ }).filter({ hasText: second });
  await expect(published).not.toContainText("Awaiting moderation");
  // Nobody reports their own post.
  await expect(published.getByText("Report the post by Robin")).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don’t match an account.")).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as Robin")).toBeVisible();
});

test("staff pages: a reader gets a plain 403, a guest is asked to sign in", async ({ page }) => {
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fsettings/);
  await page.getByLabel("Email").fill("admin@afterword.example");
  await page.getByLabel("Password").fill("afterword-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Plain Reader");
  await page.getByLabel("Email").fill(`plain-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("quiet orange lantern");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Your account does not have access to this page.")).toBeVisible();
});

test("a post from another site is refused with 403", async ({ page, baseURL }) => {
  await page.goto(ARTICLE);
  for (const path of [ARTICLE, "/login", "/signup", "/logout"]) {
    const response = await page.request.post(path, {
      headers: { Origin: "https://evil.example" },
      form: { intent: "ask", name: "x", body: "x", email: "a@b.co", password: "x" },
    });
    expect(response.status(), path).toBe(403);
    expect(await response.text()).toContain("sent from another site");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
  const page200 = await page.request.get(`${baseURL}${ARTICLE}`);
  // The shared page allows its inline scripts by hash (the same bytes for everyone), personal pages by nonce.
  expect(page200.headers()["content-security-policy"]).toMatch(/script-src 'self' '(nonce|sha256)-[^']+'/);
  expect(page200.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page200.headers()["referrer-policy"]).toBe("same-origin");
});

test("signing in or up from a thread comes back to that thread", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.getByRole("link", { name: "Open this thread" }).first().click();
  await page.waitForURL(/\/questions\//);
  const thread = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Create account" }).click();
  await page.getByLabel("Name").fill("Returning Rae");
  await page.getByLabel("Email").fill(`rae-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long walk home 2026");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Signed in as Returning Rae")).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === thread);

  await page.getByRole("button", { name: "Sign out" }).click();
  // Signing out is a post: let it finish before opening the next page.
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(thread);
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill("sam@afterword.example");
  await page.getByLabel("Password").fill("afterword-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as Sam Okafor")).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === thread);
});

test("sign-up names every problem at once", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not an email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  for (const label of ["Name", "Email", "Password"]) {
    await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
  }
  await expect(page.getByText("Please use at least 10 characters")).toBeVisible();
});

test("a reader downloads their data, then deletes their account keeping their posts under “a former reader”", async ({
  page,
}) => {
  const email = `leaving-${Date.now()}@example.com`;
  const password = "lantern harbour quiet seven";
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Wren");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Signed in as Wren")).toBeVisible();
  await page.goto(ARTICLE);
  const text = `Does the silence still count if we share a flat? (${Date.now()})`;
  const ask = page.getByRole("form", { name: "Ask a question" });
  await ask.getByLabel("Your question").fill(text);
  await ask.getByRole("button", { name: "Post question" }).click();
  await expect(page.getByRole("status")).toContainText("awaiting moderation");
  const postId = task("latest-by", email);

  await page.goto("/account");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^afterword-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(data.account.email).toBe(email);
  expect(data.posts.map((p: { bodySource: string }) => p.bodySource)).toEqual([text]);

  const removal = page.getByRole("region", { name: "Delete my account" });
  await expect(removal.getByLabel(/Keep them/)).toBeChecked();
  await removal.getByLabel("Your password, to confirm").fill("not my password at all");
  await removal.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("That is not your password; the account is not deleted.")).toBeVisible();
  await page.getByRole("region", { name: "Delete my account" }).getByLabel("Your password, to confirm").fill(password);
  await page
    .getByRole("region", { name: "Delete my account" })
    .getByRole("button", { name: "Delete my account" })
    .click();
  await expect(page.getByRole("status")).toContainText(
    "Your account is deleted, and your posts stay under “a former reader”.",
  );
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const number = task("publish", postId);
  await page.goto(`${ARTICLE}/questions/${number}`);
  await expect(page.getByRole("article", { name: `Question ${number} by a former reader` })).toContainText(text);
  // Signing in again fails: the account is gone.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as Wren")).toHaveCount(0);
});

test("a reader changes their email, confirmed from the link sent to the new address", async ({ page, browser }) => {
  const email = `moving-${Date.now()}@example.com`;
  const fresh = `moved-${Date.now()}@example.com`;
  const password = "orchard window amber tide";
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Juno");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Signed in as Juno")).toBeVisible();
  await page.goto("/account");
  const change = page.getByRole("region", { name: "Change email" });
  await change.getByLabel("New email").fill(fresh);
  await change.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText(`We sent a link to ${fresh}.`)).toBeVisible();

  // The admin's mailbox (no SMTP server here) has the email to the new address.
  const admin = await browser.newPage();
  await signIn(admin, "admin@afterword.example");
  await expect(async () => {
    await admin.goto("/admin/mail");
    await admin
      .getByRole("row")
      .filter({ hasText: fresh })
      .getByRole("link", { name: /Confirm your new email/ })
      .first()
      .click();
  }).toPass({ timeout: 15_000 });
  const text = (await admin.locator(".mail-text").textContent()) ?? "";
  const link = /https?:\/\/\S+\/account\/email\?token=\S+/.exec(text)![0];
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Your email address is now ${fresh}` })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText(`Your address is ${fresh}.`)).toBeVisible();
  // The old address was told.
  await admin.goto("/admin/mail");
  await expect(
    admin
      .getByRole("row")
      .filter({ hasText: email })
      .getByRole("link", { name: /email address was changed/ }),
  ).toHaveCount(1);
  await admin.close();
});
