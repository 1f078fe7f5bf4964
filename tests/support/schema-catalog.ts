// A provider's own description of a database's tables, columns, indexes and
// constraints, normalised so that two databases built different ways (the
// committed migrations, or the schema from empty) can be compared.
import Database from "better-sqlite3";
import pg from "pg";
import { MIGRATIONS_TABLE } from "~/db/migrations.server";

/**
 * The full-text search index exists only in the migrations (Prisma's schema
 * cannot describe an FTS5 table or a generated tsvector column), so it is
 * left out of the comparison; tests/integration/search.test.ts checks it.
 */
const SEARCH_TABLES = /^(PostSearch|QuestionSearch)/;
const SEARCH_COLUMNS = new Set(["Post.searchVector", "Post.searchText"]);
const SEARCH_INDEXES = new Set(["Post_searchVector_idx", "Post_questionSearch_idx"]);

export function sqliteCatalog(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != ? ORDER BY name`,
      )
      .all(MIGRATIONS_TABLE) as { name: string }[];
    return tables
      .filter(({ name }) => !SEARCH_TABLES.test(name))
      .map(({ name }) => ({
        table: name,
        columns: sqlite.prepare(`PRAGMA table_info("${name}")`).all(),
        indexes: (sqlite.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
          .map((index) => ({
            name: index.name,
            unique: index.unique,
            columns: (sqlite.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map(
              (c) => c.name,
            ),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        foreignKeys: sqlite.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
      }));
  } finally {
    sqlite.close();
  }
}

export async function postgresCatalog(client: pg.Client, schema: string) {
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = $1 AND table_name != $2
      ORDER BY table_name, column_name`,
    [schema, MIGRATIONS_TABLE],
  );
  const indexes = await client.query(
    `SELECT tablename, indexname, replace(indexdef, $1 || '.', '') AS def
       FROM pg_indexes WHERE schemaname = $1 AND tablename != $2 ORDER BY indexname`,
    [schema, MIGRATIONS_TABLE],
  );
  const constraints = await client.query(
    `SELECT c.conrelid::regclass::text AS tablename, c.conname, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = $1 AND c.conrelid::regclass::text NOT LIKE '%' || $2 || '%'
      ORDER BY c.conname`,
    [schema, MIGRATIONS_TABLE],
  );
  const strip = (text: string) => text.split(`"${schema}".`).join("").split(`${schema}.`).join("");
  return {
    columns: columns.rows
      .filter((r) => !SEARCH_COLUMNS.has(`${r.table_name}.${r.column_name}`))
      .map((r) => ({ ...r, column_default: r.column_default && strip(r.column_default) })),
    indexes: indexes.rows.filter((r) => !SEARCH_INDEXES.has(r.indexname)).map((r) => ({ ...r, def: strip(r.def) })),
    constraints: constraints.rows.map((r) => ({ ...r, tablename: strip(r.tablename), def: strip(r.def) })),
  };
}
