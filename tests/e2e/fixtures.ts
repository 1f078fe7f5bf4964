// Every browser test fails on a console error or an uncaught page error. And
// every test browser posts from 127.0.0.1 at machine speed, so the spam timer
// (minimum seconds before posting) and the per-visitor rate limit are switched
// off for the browser run; their own integration tests cover them.
import { type Page, test as base, expect } from "@playwright/test";
import { task } from "./tasks";

export const test = base.extend<
  { failOnConsoleErrors: void; allowedConsoleErrors: RegExp | null },
  { spamChecksOff: void }
>({
  /** Console errors a test causes on purpose (a refused frame, a refused cross-site request), by their text. */
  allowedConsoleErrors: [null, { option: true }],
  spamChecksOff: [
    // Playwright reads a fixture's dependencies from its first argument; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      task("setting", "minSecondsToPost", "0");
      task("setting", "rateLimit", "1000");
      await use();
    },
    { scope: "worker", auto: true },
  ],
  failOnConsoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // A 404 page, or a refused form answering 4xx, logs its failed request: that is the page doing its job.
        const text = message.text();
        if (
          message.type() === "error" &&
          !/the server responded with a status of 4\d\d/.test(text) &&
          // A fetch the page itself dropped (a similar-questions lookup overtaken by a post): Remix logs its abort.
          !/^AbortError: BodyStreamBuffer was aborted/.test(text) &&
          !allowedConsoleErrors?.test(text)
        ) {
          errors.push(text);
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The demo accounts' password (scripts/seed). */
export const DEMO_PASSWORD = "afterword-demo-2026";

/** Signs in through the form, as a person would, and waits until the header says so; then on `to`, if given. */
/**
 * Opens, from its card in the queue, the history of the writer of a pending question the test just asked (the
 * moderator is signed in); returns the page's path.
 */
export async function openWriterHistory(page: Page, writer: string): Promise<string> {
  await page.goto("/moderation");
  await page
    .getByRole("article", { name: `Question by ${writer}` })
    .getByRole("link", { name: /^Writer’s history/ })
    .click();
  await expect(page.getByRole("heading", { name: `${writer}’s history`, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

export async function signIn(page: Page, email: string, options: { to?: string; password?: string } = {}) {
  await page.goto(options.to ? `/login?redirectTo=${encodeURIComponent(options.to)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as")).toBeVisible();
}
