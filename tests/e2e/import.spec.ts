// A site owner moves a WordPress blog in with npm run import; readers find the
// conversation threaded as it was, the author's replies marked, and old links
// (the post's "?p=" address, a comment's "#comment-" anchor) still land on it.
import { mkdirSync, rmSync } from "node:fs";
import { writeExport, wxr } from "../support/import-files";
import { expect, test } from "./fixtures";
import { importExport } from "./tasks";

const DIR = "tests/.tmp/e2e-import";

test("an imported WordPress thread reads as it did, and old links find it", async ({ page }) => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const file = writeExport(
    DIR,
    "blog.xml.gz",
    wxr([
      {
        id: 601,
        slug: "letting-go-slowly",
        title: "Letting go, slowly",
        comments: [
          { id: 12, parent: 11, date: "2020-01-07 10:00:00", content: "That helped, <em>thank you</em>." },
          {
            id: 10,
            date: "2020-01-05 10:00:00",
            content: "Is it normal to miss them after three months?",
            author: "Priya",
          },
          {
            id: 11,
            parent: 10,
            userId: 7,
            author: "Mara Lind",
            date: "2020-01-06 10:00:00",
            content: "Yes. Missing someone is not a sign to go back.",
          },
        ],
      },
    ]),
    true,
  );
  expect(importExport("wordpress", file, DIR)).toContain("Posts imported: 3 (3 published)");

  // The old "?p=" address is the article now.
  await page.goto("/?p=601");
  await expect(page).toHaveURL(/\/articles\/letting-go-slowly$/);
  await expect(page.getByRole("heading", { name: "Letting go, slowly", level: 1 })).toBeVisible();
  const question = page.getByRole("article", { name: "Question 1 by Priya" });
  await expect(question).toContainText("Is it normal to miss them after three months?");
  // Threaded as it was: the author's answer under the question, the reader's thanks under the answer.
  const under = (name: string) =>
    page.getByRole("listitem").filter({ has: page.getByRole("article", { name, exact: true }) });
  const answer = under("Question 1 by Priya").getByRole("article", { name: "Reply by Mara Lind" });
  await expect(answer).toContainText("Post author");
  const thanks = under("Reply by Mara Lind").getByRole("article", { name: "Reply by Reader 12" });
  await expect(thanks).toContainText("That helped, thank you.");

  // An old link to the author's comment: the permalink's 301 keeps the anchor, and the page follows it.
  await page.goto("/2019/05/letting-go-slowly/#comment-11");
  await expect(page).toHaveURL(/\/articles\/letting-go-slowly\/questions\/1#post-\d+$/);
  const target = new URL(page.url()).hash;
  await expect(page.locator(target)).toContainText("Missing someone is not a sign to go back.");
  await expect(page.locator(target)).toBeInViewport();
  // And it stands out from the posts around it.
  await expect(page.locator(target)).toHaveCSS("outline-style", "solid");
  await expect(page.locator(target).locator("xpath=following::article[1]")).not.toHaveCSS("outline-style", "solid");
});
