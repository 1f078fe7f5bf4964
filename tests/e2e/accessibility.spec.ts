// axe-core on every page, as the person who would open it: the reader pages
// as a guest, each staff page as its role, and the pages an email's links
// open (what an address follows, with its Stop buttons). No serious or
// critical violation anywhere, colour contrast included. (With JavaScript:
// axe-core runs inside the page.)
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openWriterHistory, signIn, test } from "./fixtures";
import { task } from "./tasks";

const ARTICLE = "/articles/no-contact-after-a-breakup";

async function violations(page: Page, path: string) {
  const response = await page.goto(path);
  // The 404 page is a page too.
  expect(response?.status(), path).toBeLessThan(path.includes("no-such") ? 500 : 400);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("every page a guest or an email's link opens has no serious accessibility problem", async ({ page }) => {
  const manage = task("manage-link", `axe-${Date.now()}@example.com`);
  const found: string[] = [];
  for (const path of [
    "/",
    ARTICLE,
    `${ARTICLE}?section=how-long`,
    `${ARTICLE}/questions/1`,
    "/articles/how-to-plan-a-month-of-no-contact",
    // The questions as a frame under another site's page shows them (embed.js).
    "/embed/articles/no-contact-after-a-breakup",
    "/search?q=texts",
    "/login",
    "/signup",
    "/forgot-password",
    manage,
    "/articles/no-such-article",
  ]) {
    found.push(...(await violations(page, path)));
  }
  // The Stop buttons are there to be read.
  await page.goto(manage);
  await expect(page.getByRole("button", { name: /Stop/ }).first()).toBeVisible();
  expect(found).toEqual([]);
});

test("every staff page has no serious accessibility problem, for its role", async ({ page }) => {
  const found: string[] = [];
  await signIn(page, "nora@afterword.example");
  for (const path of [
    "/author",
    "/author/insights",
    "/author/templates",
    "/author/protected",
    "/author/sections",
    "/account",
  ]) {
    found.push(...(await violations(page, path)));
  }
  await page.context().clearCookies();
  await signIn(page, "sam@afterword.example");
  for (const path of ["/moderation", "/moderation/log", "/moderation/bans"]) {
    found.push(...(await violations(page, path)));
  }
  // A writer's history, opened from the queue.
  const writer = `Axe Writer ${Date.now() % 100000}`;
  task("settle-queue"); // its post is on the queue's first page
  task("question", writer, "A question whose writer's history is checked", "pending", `${Date.now()}@axe.example`);
  found.push(...(await violations(page, await openWriterHistory(page, writer))));
  await page.context().clearCookies();
  await signIn(page, "admin@afterword.example");
  for (const path of ["/admin/settings", "/admin/mail"]) found.push(...(await violations(page, path)));
  expect(found).toEqual([]);
});
