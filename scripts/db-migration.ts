// npm run db:migration -- <name> — writes the next migration, for SQLite and
// PostgreSQL, from the change to prisma/schema.prisma since the last one.
// (Prisma's `migrate dev` needs a shadow database it cannot create here.)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  POSTGRES_MIGRATIONS,
  SCHEMA_SNAPSHOT,
  SQLITE_MIGRATIONS,
  diffSql,
  isEmptyMigration,
} from "./lib/migration-files";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, derivePostgresSchema } from "./lib/postgres-schema";

const name = process.argv
  .slice(2)
  .filter((arg) => arg !== "--")
  .join("_")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_+|_+$/g, "");
if (!name) {
  console.error("Name the migration: npm run db:migration -- add_reply_templates");
  process.exit(2);
}

execFileSync("npx", ["tsx", "scripts/db-generate.ts"], { stdio: "inherit" });

const tmp = mkdtempSync(path.join(tmpdir(), "afterword-migration-"));
const previousPostgres = path.join(tmp, "previous-postgres.prisma");
writeFileSync(previousPostgres, derivePostgresSchema(readFileSync(SCHEMA_SNAPSHOT, "utf8")));

const sqlite = diffSql(SCHEMA_SNAPSHOT, SQLITE_SCHEMA);
if (isEmptyMigration(sqlite)) {
  console.log("prisma/schema.prisma has not changed since the last migration; nothing to write.");
  process.exit(0);
}
const postgres = diffSql(previousPostgres, POSTGRES_SCHEMA);

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
for (const [dir, sql] of [
  [SQLITE_MIGRATIONS, sqlite],
  [POSTGRES_MIGRATIONS, postgres],
] as const) {
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), sql);
}
copyFileSync(SQLITE_SCHEMA, SCHEMA_SNAPSHOT);
console.log(
  `Wrote ${SQLITE_MIGRATIONS}/${folder} and ${POSTGRES_MIGRATIONS}/${folder}. Apply with npm run db:migrate.`,
);
