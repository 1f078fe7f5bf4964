// Which database Afterword talks to is decided by DATABASE_URL alone:
// `postgres://` or `postgresql://` selects PostgreSQL, anything else is a
// SQLite file (default ./data/afterword.db).

export const DEFAULT_DATABASE_URL = "file:./data/afterword.db";

export type DatabaseTarget =
  { provider: "sqlite"; file: string } | { provider: "postgresql"; connectionString: string; schema: string };

export function databaseTarget(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // `?schema=` is Prisma's convention; pg itself does not know it.
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") || "public";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`DATABASE_URL names the schema "${schema}": use letters, digits and underscores`);
    }
    parsed.searchParams.delete("schema");
    return { provider: "postgresql", connectionString: parsed.toString(), schema };
  }
  const file = url.replace(/^file:/, "");
  if (!file) throw new Error(`DATABASE_URL "${url}" names no SQLite file`);
  return { provider: "sqlite", file };
}
