// Browser tests drive Debian's Chromium (CHROMIUM_PATH to use another) against
// the built app, served on its own freshly migrated and seeded SQLite file.
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB = "tests/.tmp/e2e.db";
/** The other site whose pages embed Afterword in tests/e2e/embed.spec.ts (another site: localhost, not 127.0.0.1). */
export const EMBED_HOST = `http://localhost:${PORT + 101}`;
/** A site not allowed to embed it. */
export const STRANGER_HOST = `http://localhost:${PORT + 102}`;
export const E2E_DATABASE_URL = `file:./${DB}`;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "tests/.tmp/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Every form must work without JavaScript: the tests of forms run again with it off.
    {
      name: "chromium-no-js",
      use: { ...devices["Desktop Chrome"], channel: undefined, javaScriptEnabled: false },
      testMatch: [
        "reader.spec.ts",
        "article.spec.ts",
        "front-door.spec.ts",
        "accounts.spec.ts",
        "author.spec.ts",
        "moderation.spec.ts",
        "mail.spec.ts",
        "sections.spec.ts",
        "search.spec.ts",
        "marks.spec.ts",
        "insights.spec.ts",
        "hostile-text.spec.ts",
      ],
    },
  ],
  webServer: {
    command: `rm -f ${DB} ${DB}-wal ${DB}-shm && tsx scripts/db-migrate.ts && tsx scripts/db-seed.ts && node scripts/server.js`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    env: { DATABASE_URL: E2E_DATABASE_URL, PORT: String(PORT), NODE_ENV: "production", EMBED_ORIGINS: EMBED_HOST },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
