// Migrates one base SQLite file; each test file then starts from a copy of it.
import { mkdirSync, rmSync } from "node:fs";
import { migrate } from "~/db/migrations.server";
import { BASE_SQLITE, TMP_DIR, postgresUrl, testProvider } from "./test-database";

export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  if (testProvider() === "postgresql") {
    postgresUrl();
    return;
  }
  rmSync(BASE_SQLITE, { force: true });
  await migrate(`file:${BASE_SQLITE}`);
}
