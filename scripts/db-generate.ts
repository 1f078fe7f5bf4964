// Derives the PostgreSQL schema and generates both Prisma clients.
// Runs on `npm install` (postinstall) so a fresh clone is ready to go.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, derivePostgresSchema } from "./lib/postgres-schema";

const derived = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
mkdirSync(dirname(POSTGRES_SCHEMA), { recursive: true });
writeFileSync(POSTGRES_SCHEMA, derived);

for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  execFileSync("node_modules/.bin/prisma", ["generate", "--no-hints", "--schema", schema], { stdio: "inherit" });
}
