// Prisma's `provider` is a literal, and the generated client is specific to
// it, so the PostgreSQL schema is derived from the SQLite one rather than
// written twice. Only the generator output and the datasource differ.
import { readFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:generate\`. Do not edit:
// change prisma/schema.prisma and run \`npm run db:migration -- <name>\`.
`;

export function derivePostgresSchema(sqliteSchema: string): string {
  let out = sqliteSchema;
  const replace = (from: RegExp, to: string) => {
    if (!from.test(out)) throw new Error(`prisma/schema.prisma no longer matches ${from}`);
    out = out.replace(from, to);
  };
  replace(/output\s*=\s*"\.\.\/app\/generated\/sqlite"/, 'output     = "../../app/generated/postgres"');
  replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/afterword"');
  // Drop the leading comment block of the source; the header explains this file.
  out = out.replace(/^(\/\/[^\n]*\n)+\n?/, "");
  return HEADER + "\n" + out;
}

export function readSchemas(root = process.cwd()) {
  return {
    sqlite: readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"),
    postgres: readFileSync(path.join(root, POSTGRES_SCHEMA), "utf8"),
  };
}
