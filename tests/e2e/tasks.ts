// Runs tests/support/e2e-task.ts against the e2e server's database.
import { execFileSync } from "node:child_process";
import { E2E_DATABASE_URL } from "../../playwright.config";

export function task(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["tests/support/e2e-task.ts", ...args], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  }).trim();
}
