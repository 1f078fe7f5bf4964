// What each reliability check tried and what failed, written where
// `npm run test:reliability` (scripts/reliability.ts) reads it to print one
// table. A check records its counts and then asserts that nothing failed, so
// the test fails with the first failures named and the table still shows the count.
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { testProvider } from "../support/test-database";

export const TALLY_DIR = path.resolve("tests/.tmp/reliability");

export type TallyRow = {
  part: string;
  check: string;
  database: string;
  tried: number;
  failed: number;
  seconds: number;
};

/** Full runs (RELIABILITY_FULL=1) load for the 60 s; CI's quick run for less. */
export const FULL = process.env.RELIABILITY_FULL === "1";

export function record(part: string, check: string, tried: number, failures: string[], started: number) {
  mkdirSync(TALLY_DIR, { recursive: true });
  const row: TallyRow = {
    part,
    check,
    database: testProvider() === "postgresql" ? "PostgreSQL" : "SQLite",
    tried,
    failed: failures.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  appendFileSync(path.join(TALLY_DIR, "rows.jsonl"), JSON.stringify(row) + "\n");
  expect(tried, `${check}: tried nothing`).toBeGreaterThan(0);
  expect(failures.slice(0, 20), `${check}: ${failures.length} of ${tried} failed`).toEqual([]);
}
