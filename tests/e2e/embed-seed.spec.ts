// The real thread Afterword was conceived from, moved without moving its blog:
// the seed article's reader thread, exported as WordPress would, imported with
// --keep-articles-on-site, reads in the frame under a static copy of the page,
// threaded as it was, the author's replies marked. The seed is read from
// ../shared/seeds when the test runs (tests/support/seed-page.ts); where it is
// not on the machine the test says so and is skipped.
import { type Server, createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { CHROMIUM_ARGS, E2E_DATABASE_URL, EMBED_HOST } from "../../playwright.config";
import { writeExport, wxr } from "../support/import-files";
import { readSeedPage, seedAvailable } from "../support/seed-page";
import { expect, test } from "./fixtures";

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--test-third-party-cookie-phaseout"],
  },
});

const DIR = "tests/.tmp/e2e-embed-seed";
const SLUG = "when-the-no-contact-rule-works";
const PATH = `/2016/01/${SLUG}/`;
let server: Server | null = null;

test.afterAll(() => server?.close());

test("the seed's thread, kept on its blog, reads in the frame threaded with the author's replies marked", async ({
  page,
}) => {
  test.skip(!seedAvailable(), "the seed documents (../shared/seeds, or SEEDS_DIR) are not on this machine");
  const seed = readSeedPage();
  const afterword = new URL(String(test.info().project.use.baseURL)).origin;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const file = writeExport(
    DIR,
    "seed.xml",
    wxr([{ id: 4001, slug: SLUG, title: seed.title, content: seed.html, comments: seed.comments }], {
      site: `${EMBED_HOST}/2016/01`,
      author: { email: "jennie@seed.invalid", displayName: seed.authorName },
    }),
  );
  const report = execFileSync(
    "node_modules/.bin/tsx",
    ["scripts/import.ts", "wordpress", file, "--keep-articles-on-site", "--content-dir", DIR],
    { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, encoding: "utf8" },
  );
  expect(report).toContain(`Posts imported: ${seed.comments.length} (${seed.comments.length} published)`);

  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${seed.title}</title>
<link rel="canonical" href="${PATH}"></head><body><article><h1>${seed.title}</h1>${seed.html}</article>
<div data-afterword data-afterword-sections></div><script src="${afterword}/embed.js" async></script></body></html>`;
  server = createServer((req, res) => {
    const found = new URL(req.url ?? "/", EMBED_HOST).pathname === PATH;
    res.writeHead(found ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(found ? html : "Not found");
  });
  await new Promise<void>((resolve) => server!.listen(Number(new URL(EMBED_HOST).port), "localhost", resolve));

  await page.goto(`${EMBED_HOST}${PATH}`);
  const frame = page.frameLocator('iframe[title="Reader questions"]');
  const questions = seed.comments.filter((c) => c.parent === undefined);
  await expect(frame.getByRole("heading", { name: `${questions.length} questions on “${seed.title}”` })).toBeVisible();
  // The first question, its author's answer under it, and the reader's thanks under that, as on the page.
  const first = questions[0];
  const answer = seed.comments.find((c) => c.parent === first.id)!;
  const thanks = seed.comments.find((c) => c.parent === answer.id)!;
  const thread = frame
    .getByRole("listitem")
    .filter({ has: frame.getByRole("article", { name: `Question 1 by ${first.author}` }) });
  const reply = thread.getByRole("article", { name: `Reply by ${seed.authorName}` }).first();
  await expect(reply).toContainText("Post author");
  await expect(reply).toContainText(textOf(answer.content).slice(0, 40));
  const under = frame
    .getByRole("listitem")
    .filter({ has: frame.getByRole("article", { name: `Reply by ${seed.authorName}` }).first() })
    .getByRole("article", { name: `Reply by ${thanks.author}` });
  await expect(under.first()).toContainText(textOf(thanks.content).slice(0, 40));
  // Every one of the author's replies is marked, and only those.
  const byAuthor = seed.comments.filter((c) => c.userId !== undefined).length;
  await expect(frame.locator(".badge--author")).toHaveCount(byAuthor);
  // The moderator's trims read as they were.
  await expect(frame.getByText("[EDITED FOR LENGTH]").first()).toBeVisible();
  // The page's headings are the article's sections: a link after each, and the frame's filter.
  await expect(page.getByRole("link", { name: /^Ask about this section/ })).toHaveCount(seed.headings.length);
  await expect(frame.getByRole("navigation", { name: "Questions by section" }).getByRole("link")).toHaveCount(
    seed.headings.length,
  );
});

function textOf(html: string) {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
