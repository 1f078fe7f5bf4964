// Applies the committed SQL migrations to whichever database DATABASE_URL
// names. Prisma's own `migrate deploy` cannot run here (it needs a native
// engine for PostgreSQL), so this is the small step that does the same:
// each folder's migration.sql once, in order, in a transaction, recorded with
// a checksum so an edited migration is caught rather than silently skipped.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseTarget, databaseTarget } from "~/db/database-url";

export const MIGRATIONS_TABLE = "_afterword_migrations";

export type Migration = { name: string; sql: string; checksum: string };

export function migrationsDir(provider: DatabaseTarget["provider"], root = process.cwd()) {
  return provider === "postgresql" ? join(root, "prisma/postgres/migrations") : join(root, "prisma/migrations");
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export type MigrateResult = { applied: string[]; alreadyApplied: number };

function checkApplied(applied: Map<string, string>, migrations: Migration[]) {
  const known = new Map(migrations.map((m) => [m.name, m.checksum]));
  for (const [name, checksum] of applied) {
    const expected = known.get(name);
    if (!expected) throw new Error(`The database has migration ${name}, which is not in this checkout.`);
    if (expected !== checksum) {
      throw new Error(`Migration ${name} was edited after it was applied; write a new migration instead.`);
    }
  }
}

function migrateSqlite(file: string, migrations: Migration[]): MigrateResult {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    // WAL lets readers (the app) and a writer (a seed, an import) share the file.
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const rows = sqlite.prepare(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`).all() as Migration[];
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    checkApplied(applied, migrations);
    const record = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      sqlite.transaction(() => {
        sqlite.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
      })();
      done.push(migration.name);
    }
    return { applied: done, alreadyApplied: applied.size };
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(connectionString: string, schema: string, migrations: Migration[]) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const quoted = `"${schema.replace(/"/g, '""')}"`;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(`SET search_path TO ${quoted}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    // Two app instances starting at once must not both apply a migration.
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [`afterword-migrate:${schema}`]);
    try {
      const { rows } = await client.query<{ name: string; checksum: string }>(
        `SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`,
      );
      const applied = new Map(rows.map((r) => [r.name, r.checksum]));
      checkApplied(applied, migrations);
      const done: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.name)) continue;
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [
            migration.name,
            migration.checksum,
          ]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
        }
        done.push(migration.name);
      }
      return { applied: done, alreadyApplied: applied.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [`afterword-migrate:${schema}`]);
    }
  } finally {
    await client.end();
  }
}

export async function migrate(url?: string, root = process.cwd()): Promise<MigrateResult> {
  const target = databaseTarget(url);
  const migrations = readMigrations(migrationsDir(target.provider, root));
  return target.provider === "postgresql"
    ? migratePostgres(target.connectionString, target.schema, migrations)
    : migrateSqlite(target.file, migrations);
}
