// Runs tests/support/e2e-task.ts against the e2e server's database.
import { execFileSync } from "node:child_process";
import { E2E_DATABASE_URL } from "../../playwright.config";

export function task(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["tests/support/e2e-task.ts", ...args], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  }).trim();
}

/** Runs `npm run import` (its script, as the package runs it) on the e2e server's database; returns its report. */
export function importExport(format: "wordpress" | "disqus", file: string, contentDir: string): string {
  return execFileSync("node_modules/.bin/tsx", ["scripts/import.ts", format, file, "--content-dir", contentDir], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  });
}
