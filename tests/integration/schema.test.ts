// The schema, the derived PostgreSQL schema and the committed migrations must agree.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseTarget } from "~/db/database-url";
import { SCHEMA_SNAPSHOT, diffSql } from "../../scripts/lib/migration-files";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, derivePostgresSchema, readSchemas } from "../../scripts/lib/postgres-schema";
import { postgresCatalog, sqliteCatalog } from "../support/schema-catalog";
import { TMP_DIR, postgresUrl } from "../support/test-database";

describe("schemas", () => {
  it("keeps prisma/postgres/schema.prisma derived from prisma/schema.prisma (run npm run db:generate)", () => {
    const { sqlite, postgres } = readSchemas();
    expect(postgres).toBe(derivePostgresSchema(sqlite));
  });

  it("has a migration for every change to prisma/schema.prisma (run npm run db:migration -- <name>)", () => {
    expect(readFileSync(SQLITE_SCHEMA, "utf8")).toBe(readFileSync(SCHEMA_SNAPSHOT, "utf8"));
  });

  it("builds the same database from the committed migrations as from the schema", async () => {
    const target = databaseTarget();
    if (target.provider === "sqlite") {
      const fresh = path.join(TMP_DIR, `from-schema-${process.pid}.db`);
      rmSync(fresh, { force: true });
      const sqlite = new Database(fresh);
      sqlite.exec(diffSql(null, SQLITE_SCHEMA));
      sqlite.close();
      try {
        expect(sqliteCatalog(target.file)).toEqual(sqliteCatalog(fresh));
      } finally {
        rmSync(fresh, { force: true });
      }
      return;
    }
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    const fresh = `${target.schema}_from_schema`;
    try {
      await client.query(`CREATE SCHEMA "${fresh}"`);
      await client.query(`SET search_path TO "${fresh}"`);
      await client.query(diffSql(null, POSTGRES_SCHEMA));
      const migrated = await postgresCatalog(client, target.schema);
      const fromSchema = await postgresCatalog(client, fresh);
      expect(migrated.columns.length).toBeGreaterThan(20);
      expect(migrated).toEqual(fromSchema);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${fresh}" CASCADE`);
      await client.end();
    }
  });

  it("notices when they do not agree", () => {
    // Guard the guard: a column added to the schema but not migrated must show up.
    const changed = readFileSync(SQLITE_SCHEMA, "utf8").replace("model Setting {", "model Setting {\n  extra String?");
    const file = path.join(TMP_DIR, `changed-${process.pid}.prisma`);
    writeFileSync(file, changed);
    try {
      expect(diffSql(SQLITE_SCHEMA, file)).toMatch(/ALTER TABLE "Setting" ADD COLUMN "extra" TEXT/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
