// npm run test:reliability — the reliability suite (tests/reliability): hostile
// input, load, crashes, several instances and a database in trouble, run on
// SQLite and then on PostgreSQL (TEST_POSTGRES_URL), and one table of what each
// check tried and how many of those cases failed. RELIABILITY_FULL=1 runs the
// loads for their full length (60 s); the default is CI's quick run.
// Needs a build (npm run build); npm test makes one first.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

type Row = { part: string; check: string; database: string; tried: number; failed: number; seconds: number };
const TALLY = path.resolve("tests/.tmp/reliability/rows.jsonl");
const SUMMARY = path.resolve("tests/.tmp/reliability/summary.json");
rmSync(path.dirname(TALLY), { recursive: true, force: true });

if (!existsSync("build/server/index.js")) {
  console.error("No build of the app: run `npm run build` first (npm test does).");
  process.exit(1);
}

const runs: { database: string; ok: boolean; note?: string }[] = [];
function suite(database: string, env: Record<string, string>) {
  console.log(`\n━━ reliability (${database}) ━━`);
  const result = spawnSync(
    "node_modules/.bin/vitest",
    ["run", "--project", "reliability", "--no-file-parallelism", ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, ...env },
    },
  );
  runs.push({ database, ok: result.status === 0 });
}

suite("SQLite", { TEST_DB: "sqlite" });
if (process.env.TEST_POSTGRES_URL) suite("PostgreSQL", { TEST_DB: "postgresql" });
else {
  const note = "TEST_POSTGRES_URL is not set (see README: Testing)";
  console.log(`\n━━ reliability (PostgreSQL) ━━\n${process.env.CI ? "FAILED" : "Skipped"}: ${note}`);
  runs.push({ database: "PostgreSQL", ok: !process.env.CI, note });
}

// In the issue's order of parts, SQLite before PostgreSQL within each.
const rows: Row[] = (
  existsSync(TALLY)
    ? readFileSync(TALLY, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Row)
    : []
).sort((a, b) => a.part.localeCompare(b.part, "en", { numeric: true }) || b.database.localeCompare(a.database));
const width = Math.max(5, ...rows.map((r) => r.check.length));
const line = (cells: string[]) => console.log(cells.join("  "));
console.log(`\n━━ reliability: ${process.env.RELIABILITY_FULL === "1" ? "full" : "quick"} run ━━`);
line(["part", "check".padEnd(width), "database  ", "   tried", "failed", "    time"]);
for (const r of rows) {
  line([
    r.part.padEnd(4),
    r.check.padEnd(width),
    r.database.padEnd(10),
    String(r.tried).padStart(8),
    String(r.failed).padStart(6),
    `${r.seconds.toFixed(1)} s`.padStart(8),
  ]);
}
const failedRows = rows.filter((r) => r.failed > 0);
for (const run of runs) if (!run.ok) console.log(`✗ the ${run.database} run failed${run.note ? `: ${run.note}` : ""}`);
const tried = rows.reduce((sum, r) => sum + r.tried, 0);
console.log(`${rows.length} checks, ${tried} cases, ${failedRows.length} checks with failures`);
writeFileSync(SUMMARY, JSON.stringify({ checks: rows.length, failedChecks: failedRows.length, runs }));
process.exit(runs.every((r) => r.ok) && rows.length > 0 ? 0 : 1);
