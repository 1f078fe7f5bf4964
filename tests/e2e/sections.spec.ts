// Imported questions are filed under the section their words match best; the
// author (or an admin) confirms or changes it from "Sections to confirm".
import { mkdirSync, rmSync } from "node:fs";
import { writeExport, wxr } from "../support/import-files";
import { expect, test } from "./fixtures";
import { importExport } from "./tasks";

test("an admin files an imported question under another section, and it leaves the list", async ({ page }, info) => {
  // Each project imports a post of its own, so that each finds its question still to confirm.
  const id = info.project.name === "chromium" ? 701 : 702;
  const dir = `tests/.tmp/e2e-sections-${id}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = writeExport(
    dir,
    "blog.xml",
    wxr([
      {
        id,
        slug: `sections-${id}`,
        title: `Filing old questions ${id}`,
        comments: [
          {
            id: id * 10,
            author: "Jun",
            date: "2020-03-01 10:00:00",
            content: "How long should I stay silent before I write?",
          },
        ],
      },
    ]),
  );
  expect(importExport("wordpress", file, dir)).toContain("1 question(s) filed under a suggested section");

  await page.goto("/login?redirectTo=/author/sections");
  await page.getByLabel("Email").fill("admin@afterword.example");
  await page.getByLabel("Password").fill("afterword-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Sections to confirm", level: 1 })).toBeVisible();

  const question = page
    .getByRole("article", { name: "Question 1 by Jun" })
    .filter({ hasText: "stay silent before I write" });
  // Oldest first, 20 a page: questions other tests asked without a section may come before it.
  for (let shown = 1; (await question.count()) === 0; shown++) {
    const newer = page.getByRole("link", { name: "Newer →" });
    await expect(newer, "the imported question is on some page of the list").toBeVisible();
    await newer.click();
    await expect(page.getByText(`Page ${shown + 1} of`)).toBeVisible();
  }
  const section = question.getByLabel("Section");
  await expect(section).toHaveValue("staying-silent");
  await expect(section.locator("option:checked")).toHaveText("Staying silent (suggested)");
  await section.selectOption({ label: "Shared friends" });
  await question.getByRole("button", { name: "Confirm the section of Question 1 by Jun" }).click();

  await expect(page.getByRole("status")).toContainText("Filed question 1 by Jun under “Shared friends”.");
  await expect(
    page.getByRole("article", { name: "Question 1 by Jun" }).filter({ hasText: "stay silent before I write" }),
  ).toHaveCount(0);
  await page.goto(`/articles/sections-${id}?section=shared-friends`);
  await expect(page.getByRole("article", { name: "Question 1 by Jun" })).toBeVisible();
});
