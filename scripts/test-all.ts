// npm test — a fresh build first (the integration suites start the production
// server for their HTTP tests, and the browser tests drive it), then every
// suite, in order: unit, integration on SQLite, integration on PostgreSQL
// (TEST_POSTGRES_URL), the browser tests, then the reliability suite (its
// own table; one check is one test here). Every suite runs even if an earlier one failed; the exit code and the
// closing "N passed, N failed" line cover them all. Under CI a suite that
// cannot run for want of its service is a failure, not a skip.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Outcome = {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
  note?: string;
  /** The failed tests' names, repeated in the summary so that a log's last lines say which failed. */
  failures?: string[];
};
const TMP = "tests/.tmp";
mkdirSync(TMP, { recursive: true });
const outcomes: Outcome[] = [];
const strict = Boolean(process.env.CI);

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file: string): Record<string, unknown> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : null;
}

function vitestSuite(suite: string, project: string, env: Record<string, string> = {}) {
  const report = `${TMP}/${suite.replace(/\W+/g, "-")}.json`;
  rmSync(report, { force: true });
  console.log(`\n━━ ${suite} ━━`);
  const ok = run(
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${report}`],
    env,
  );
  const json = readJson(report) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults?: { name: string; assertionResults?: { status: string; fullName: string }[] }[];
  } | null;
  const passed = json?.numPassedTests ?? 0;
  const failed = json?.numFailedTests ?? 0;
  outcomes.push({
    suite,
    passed,
    failed,
    skipped: json?.numPendingTests ?? 0,
    ok: ok && passed > 0,
    note: passed === 0 ? "ran no test" : undefined,
    failures: (json?.testResults ?? []).flatMap((file) =>
      (file.assertionResults ?? [])
        .filter((test) => test.status === "failed")
        .map((test) => `${file.name.replace(`${process.cwd()}/`, "")} › ${test.fullName}`),
    ),
  });
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string; projectName: string }[] }[];
};
function playwrightFailures(suites: PlaywrightSuite[], path: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const here = suite.file && path.length === 0 ? [] : [...path, suite.title];
    const specs = (suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === "unexpected")
        .map((test) => `[${test.projectName}] ${spec.file}:${spec.line} › ${[...here, spec.title].join(" › ")}`),
    );
    return [...specs, ...playwrightFailures(suite.suites ?? [], here)];
  });
}

console.log("━━ build ━━");
const built = run("node_modules/.bin/remix", ["vite:build"]);

vitestSuite("unit", "unit");
vitestSuite("integration (SQLite)", "integration");

if (process.env.TEST_POSTGRES_URL) {
  vitestSuite("integration (PostgreSQL)", "integration", { TEST_DB: "postgresql" });
} else {
  const note = "TEST_POSTGRES_URL is not set (see README: Testing)";
  console.log(`\n━━ integration (PostgreSQL) ━━\n${strict ? "FAILED" : "Skipped"}: ${note}`);
  outcomes.push({ suite: "integration (PostgreSQL)", passed: 0, failed: 0, skipped: 0, ok: !strict, note });
}

console.log("\n━━ browser (Playwright, Chromium) ━━");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const note = `no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  console.log(`${strict ? "FAILED" : "Skipped"}: ${note}`);
  outcomes.push({ suite: "browser", passed: 0, failed: 0, skipped: 0, ok: !strict, note });
} else {
  const report = `${TMP}/e2e-results.json`;
  rmSync(report, { force: true });
  const ok = built && run("node_modules/.bin/playwright", ["test"]);
  const json = readJson(report);
  const stats = (json?.stats ?? {}) as {
    expected?: number;
    unexpected?: number;
    skipped?: number;
    flaky?: number;
  };
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  outcomes.push({
    suite: "browser",
    passed,
    failed: stats.unexpected ?? (built ? 0 : 1),
    skipped: stats.skipped ?? 0,
    ok: ok && passed > 0,
    note: built ? undefined : "the build failed",
    failures: playwrightFailures((json?.suites ?? []) as PlaywrightSuite[]),
  });
}

// The reliability suite runs on SQLite and PostgreSQL itself and prints its table.
{
  const ok = built && run("node_modules/.bin/tsx", ["scripts/reliability.ts"]);
  const summary = readJson(`${TMP}/reliability/summary.json`) as { checks: number; failedChecks: number } | null;
  const checks = summary?.checks ?? 0;
  const failed = summary?.failedChecks ?? (built ? 0 : 1);
  outcomes.push({
    suite: "reliability",
    passed: checks - failed,
    failed,
    skipped: 0,
    ok: ok && checks > 0,
    note: built ? undefined : "the build failed",
  });
}

console.log("\n━━ summary ━━");
for (const o of outcomes) {
  const counts = `${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ""}`;
  console.log(`${o.ok ? "✓" : "✗"} ${o.suite.padEnd(26)} ${counts}${o.note ? ` — ${o.note}` : ""}`);
  for (const name of o.failures ?? []) console.log(`    ✗ ${name}`);
}
// A suite that failed without a failing test (a crash, a missing service) counts as one failure.
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + (o.failed || (o.ok ? 0 : 1)), 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
