// Where migrations and the schema they lead to live, for db:migration and the drift test.
import { execFileSync } from "node:child_process";

export const SQLITE_MIGRATIONS = "prisma/migrations";
export const POSTGRES_MIGRATIONS = "prisma/postgres/migrations";
/** prisma/schema.prisma as of the newest migration; db:migration diffs from it. */
export const SCHEMA_SNAPSHOT = "prisma/migrations/schema.snapshot.prisma";

/** The SQL that takes a database from one datamodel to another (`null` from: empty). */
export function diffSql(from: string | null, to: string): string {
  const args = ["migrate", "diff", "--script", "--to-schema-datamodel", to];
  args.push(...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]));
  const sql = execFileSync("node_modules/.bin/prisma", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return sql.replace(/^Loaded Prisma config.*\n/m, "").trim() + "\n";
}

export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--[^\n]*\n?/g, "").trim() === "";
}
