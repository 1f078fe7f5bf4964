// Runs before each integration test file: gives it a database of its own (a
// copy of the migrated base SQLite file, or a new PostgreSQL schema) and
// removes it afterwards. Tests then use the app's one Prisma client as is.
import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { migrate } from "~/db/migrations.server";
import { BASE_SQLITE, TMP_DIR, postgresUrl, testProvider, withSchema } from "./test-database";

const id = randomBytes(6).toString("hex");
delete (globalThis as { __afterwordDb?: unknown }).__afterwordDb;

if (testProvider() === "postgresql") {
  const schema = `test_${id}`;
  process.env.DATABASE_URL = withSchema(postgresUrl(), schema);
  await migrate(process.env.DATABASE_URL);
  afterAll(async () => {
    const { db } = await import("~/db.server");
    await db.$disconnect();
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });
} else {
  const file = path.join(TMP_DIR, `test-${id}.db`);
  copyFileSync(BASE_SQLITE, file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    const { db } = await import("~/db.server");
    await db.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  });
}
