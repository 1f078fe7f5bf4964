// The author's picture of an article at 1,000 posts, on a server of its own
// (the demo topped up with `npm run db:seed -- --posts 1000`, so that the
// other browser tests keep their small demo): with JavaScript on and off, at
// 1280 and 390 px, the charts show each section's counts as the posts have
// them, the table beside them says the same, and nothing is wider than the
// screen.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { type AppServer, startAppServer } from "../support/app-server";
import { expect, test } from "./fixtures";

const DB = `./data/e2e-insights-${process.pid}.db`;
const env = { ...process.env, DATABASE_URL: `file:${DB}` };
const SLUG = "no-contact-after-a-breakup";
let server: AppServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DB + suffix, { force: true });
  const tsx = (...args: string[]) => execFileSync("node_modules/.bin/tsx", args, { env, stdio: "ignore" });
  tsx("scripts/db-migrate.ts");
  tsx("scripts/db-seed.ts", "--posts", "1000");
  server = await startAppServer({ DATABASE_URL: `file:${DB}` });
});

test.afterAll(async () => {
  await server?.stop();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DB + suffix, { force: true });
});

for (const width of [1280, 390]) {
  test(`the insights at 1,000 posts match the posts and their table, at ${width} px`, async ({ page }) => {
    const truth = JSON.parse(
      execFileSync("node_modules/.bin/tsx", ["tests/support/e2e-task.ts", "section-counts", SLUG], {
        env,
        encoding: "utf8",
      }),
    ) as Record<string, [number, number]>;
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}/login?redirectTo=/author/insights`);
    await page.getByLabel("Email").fill("nora@afterword.example");
    await page.getByLabel("Password").fill("afterword-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Where readers struggle" })).toBeVisible();

    const article = page.getByRole("region", {
      name: "The No Contact Rule After a Breakup: What It Can Do, and What It Can’t",
    });
    const table = article.getByRole("table", { name: /^Questions per section of/ });
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "");
        const link = tr.querySelector("a")?.getAttribute("href") ?? "";
        return { anchor: /section=([^&#]+)/.exec(link)?.[1] ?? "", open: Number(cells[1]), answered: Number(cells[2]) };
      }),
    );
    const bars = await article.locator(".chart--sections .chart__value").evaluateAll((spans) =>
      spans.map((s) => ({
        open: Number(s.getAttribute("data-open")),
        answered: Number(s.getAttribute("data-answered")),
      })),
    );
    // Every seeded section is there, in the article's order, with the counts the posts have.
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(bars).toEqual(rows.map(({ open, answered }) => ({ open, answered })));
    for (const row of rows) expect([row.open, row.answered]).toEqual(truth[row.anchor] ?? [0, 0]);
    expect(rows.reduce((sum, r) => sum + r.open + r.answered, 0)).toBeGreaterThan(200);
    // The bars are drawn in proportion: the longest bar is the section with the most questions.
    const widths = await article
      .locator(".chart--sections svg")
      .evaluateAll((svgs) =>
        svgs.map((svg) => [...svg.querySelectorAll("rect")].reduce((w, r) => w + Number(r.getAttribute("width")), 0)),
      );
    const totals = rows.map((r) => r.open + r.answered);
    expect(widths.indexOf(Math.max(...widths))).toBe(totals.indexOf(Math.max(...totals)));
    // The other two charts are drawn, each beside its table.
    await expect(article.locator("svg.chart--line")).toHaveCount(1);
    await expect(article.locator("svg.chart--waiting rect")).toHaveCount(5);
    await expect(article.getByRole("table", { name: /by time waited$/ })).toBeVisible();
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // A bar opens its section's questions.
    await article.locator(".chart--sections a").first().click();
    await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}\\?section=`));
  });
}

test("the inbox at 1,000 posts opens on the most wanted open question, and “Point to a question” finds one", async ({
  page,
  browser,
}) => {
  const withJs = test.info().project.use.javaScriptEnabled !== false;
  await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent("/author?page=3")}`);
  await page.getByLabel("Email").fill("nora@afterword.example");
  await page.getByLabel("Password").fill("afterword-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Unanswered questions" })).toBeVisible();
  // A question far down the inbox (page 3, the longest waiting first), which a reader then has too.
  const label = (await page.locator("ol.queue > li").nth(4).getByRole("article").getAttribute("aria-label"))!;
  const number = /^Question (\d+) by /.exec(label)![1];
  const reader = await browser.newContext({ javaScriptEnabled: withJs });
  const guest = await reader.newPage();
  await guest.goto(`${server.url}/articles/${SLUG}/questions/${number}`);
  await guest
    .getByRole("article", { name: label })
    .getByRole("button", { name: /I have this question too/ })
    .click();
  await expect(guest.getByRole("status")).toContainText("Counted: 1 reader has this question");
  await reader.close();

  // The inbox opens on it: the most wanted, whatever the number of questions.
  await page.goto(`${server.url}/author`);
  const first = page.locator("ol.queue > li").first().getByRole("article");
  await expect(first).toHaveAttribute("aria-label", label);
  await expect(first).toContainText("1 reader has this question too");
  // Its page weighs no list of every question.
  const html = await (await page.request.get(`${server.url}/author`)).text();
  expect(html.length).toBeLessThan(100_000);

  // "Point to a question" by its number (as typed, with or without JavaScript), and by its words with it.
  const finder = first.getByLabel("Point to a question");
  if (withJs) {
    await finder.fill("generated post");
    await expect(first.locator("datalist option").first()).toHaveAttribute("value", /^#\d+ by /);
  }
  await finder.fill("#1");
  await first.getByRole("button", { name: "Point to it" }).click();
  await expect(page.getByRole("article", { name: label }).getByLabel("Your answer")).toHaveValue(/in #1: have a look/);
});
