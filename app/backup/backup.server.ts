// npm run export / npm run restore: everything Afterword holds, in one
// versioned file (docs/export-format.md), gzip-compressed JSON lines written
// and read as streams. Restoring goes into an empty database only, and an
// export taken after a restore equals the one restored: rows keep their ids
// and their order. This is also how a site moves from SQLite to PostgreSQL.
import { constants, createReadStream, createWriteStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { databaseTarget } from "~/db/database-url";
import { db } from "~/db.server";

export const EXPORT_FORMAT = "afterword-export";
export const EXPORT_VERSION = 1;

type Row = Record<string, unknown>;
type Delegate = {
  findMany(args: { orderBy: Row; take: number; cursor?: Row; skip?: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<unknown>;
  count(): Promise<number>;
};

type Table = {
  name: string;
  key: string;
  /** Only with --with-secrets: staff-only text, or rows whose content lets someone act as another. */
  secret?: boolean;
  /** Fields emptied unless --with-secrets. */
  secretFields?: string[];
  /** An autoincrement id whose sequence PostgreSQL must be moved past after a restore. */
  serial?: string;
};

/** In the order a restore writes them: every row after the rows it refers to. */
export const TABLES: Table[] = [
  { name: "user", key: "id", secretFields: ["passwordHash"] },
  { name: "article", key: "id" },
  { name: "legacyPath", key: "path" },
  { name: "section", key: "id" },
  { name: "post", key: "id", serial: "Post" },
  { name: "postRevision", key: "id", serial: "PostRevision" },
  { name: "moderationAction", key: "id", serial: "ModerationAction" },
  { name: "report", key: "id", serial: "Report" },
  { name: "ban", key: "id", serial: "Ban" },
  { name: "replyTemplate", key: "id", serial: "ReplyTemplate" },
  { name: "protectedSource", key: "id", serial: "ProtectedSource", secret: true },
  { name: "setting", key: "key" },
  { name: "mailAddress", key: "id", serial: "MailAddress" },
  { name: "subscription", key: "id", serial: "Subscription" },
  { name: "mailToken", key: "hash", secret: true },
  { name: "outboxEmail", key: "id", serial: "OutboxEmail", secret: true },
];
/** Never exported: sign-in sessions and sign-in throttles are only about the running site. */
const NOT_EXPORTED = ["session", "signInThrottle"];

const delegate = (name: string) => (db as unknown as Record<string, Delegate>)[name];

export class BackupError extends Error {}

const PAGE = 1000;

function encode(value: unknown): unknown {
  return value instanceof Date ? { $date: value.toISOString() } : value;
}

function decode(row: Row): Row {
  const out: Row = {};
  for (const [field, value] of Object.entries(row)) {
    out[field] =
      value && typeof value === "object" && "$date" in (value as Row)
        ? new Date((value as { $date: string }).$date)
        : value;
  }
  return out;
}

async function* lines(withSecrets: boolean): AsyncGenerator<string> {
  const tables = TABLES.filter((t) => withSecrets || !t.secret);
  yield (
    JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, withSecrets, tables: tables.map((t) => t.name) }) +
    "\n"
  );
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table.name] = 0;
    let cursor: Row | undefined;
    for (;;) {
      const rows = await delegate(table.name).findMany({
        orderBy: { [table.key]: "asc" },
        take: PAGE,
        ...(cursor ? { cursor, skip: 1 } : {}),
      });
      for (const row of rows) {
        const data: Row = {};
        for (const [field, value] of Object.entries(row)) {
          data[field] = !withSecrets && table.secretFields?.includes(field) ? null : encode(value);
        }
        counts[table.name]++;
        yield JSON.stringify({ table: table.name, row: data }) + "\n";
      }
      if (rows.length < PAGE) break;
      cursor = { [table.key]: rows[rows.length - 1][table.key] };
    }
  }
  yield JSON.stringify({ end: true, counts }) + "\n";
}

/** Writes the whole database to `file` (gzip). Returns the rows written per table. */
export async function exportTo(file: string, options: { withSecrets?: boolean } = {}) {
  const counts: Record<string, number> = {};
  const source = Readable.from(
    (async function* () {
      for await (const line of lines(Boolean(options.withSecrets))) {
        if (line.startsWith('{"end":')) Object.assign(counts, JSON.parse(line).counts);
        yield line;
      }
    })(),
  );
  // mtime 0 and one OS byte in the gzip header: the same data gives the same file.
  await pipeline(source, createGzip(), createWriteStream(file));
  return counts;
}

async function assertEmpty() {
  for (const name of [...TABLES.map((t) => t.name), ...NOT_EXPORTED]) {
    const count = await delegate(name).count();
    if (count > 0) {
      throw new BackupError(
        `the database is not empty (${name} has ${count} row(s)). Restore only into an empty database: ` +
          "point DATABASE_URL at a new file or schema, then run npm run restore again.",
      );
    }
  }
}

async function moveSequences() {
  if (databaseTarget().provider !== "postgresql") return; // SQLite's AUTOINCREMENT follows the ids written.
  for (const table of TABLES.filter((t) => t.serial)) {
    await db.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table.serial}"', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "${table.serial}"`,
    );
  }
}

type Entry = { table: string; row: Row };

/** The rows of an export file, checked line by line: header first, known tables, the closing counts last. */
async function* entries(file: string): AsyncGenerator<Entry> {
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header = false;
  let ended: Record<string, number> | null = null;
  const seen: Record<string, number> = {};
  let lineNumber = 0;
  try {
    for await (const line of reader) {
      lineNumber++;
      if (!line.trim()) continue;
      let entry: Partial<Entry> & { format?: string; version?: number; end?: boolean; counts?: Record<string, number> };
      try {
        entry = JSON.parse(line);
      } catch {
        throw new BackupError(`line ${lineNumber} is not JSON`);
      }
      if (!header) {
        if (entry.format !== EXPORT_FORMAT) throw new BackupError("it is not an Afterword export (no header line)");
        if (entry.version !== EXPORT_VERSION) {
          throw new BackupError(
            `it is format version ${entry.version}; this Afterword reads version ${EXPORT_VERSION}`,
          );
        }
        header = true;
      } else if (ended) {
        throw new BackupError(`line ${lineNumber} comes after the closing line`);
      } else if (entry.end) {
        ended = entry.counts ?? {};
      } else if (
        !entry.table ||
        !entry.row ||
        typeof entry.row !== "object" ||
        !TABLES.some((t) => t.name === entry.table)
      ) {
        throw new BackupError(`line ${lineNumber} names no table Afterword has`);
      } else {
        seen[entry.table] = (seen[entry.table] ?? 0) + 1;
        yield { table: entry.table, row: decode(entry.row) };
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const message = (error as Error).message;
    throw new BackupError(
      /gzip|header|unexpected end|incorrect/i.test(message) ? `it is not a readable gzip file (${message})` : message,
    );
  }
  if (!header) throw new BackupError("it is empty");
  if (!ended) throw new BackupError("it ends early (no closing line): the export was cut short");
  for (const table of new Set([...Object.keys(ended), ...Object.keys(seen)])) {
    if ((seen[table] ?? 0) !== (ended[table] ?? 0)) {
      throw new BackupError(`${table} has ${seen[table] ?? 0} row(s) where the export wrote ${ended[table] ?? 0}`);
    }
  }
}

/**
 * Restores `file` into the empty database DATABASE_URL names. The file is read
 * through once to check it whole before anything is written. Returns the rows
 * written per table.
 */
export async function restoreFrom(file: string) {
  try {
    await access(file, constants.R_OK);
  } catch (error) {
    throw new BackupError(`it cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  await assertEmpty();
  const posts = new Map<number, number | null>();
  for await (const entry of entries(file)) {
    if (entry.table === "post") posts.set(entry.row.id as number, entry.row.parentId as number | null);
  }
  for (const [id, parentId] of posts) {
    if (parentId !== null && !posts.has(parentId))
      throw new BackupError(`post ${id} answers post ${parentId}, which the file does not have`);
  }
  posts.clear();

  const counts: Record<string, number> = {};
  // A reply is written once its parent is: posts waiting for theirs.
  const writtenPosts = new Set<number>();
  let waiting: Row[] = [];
  const writeRows = async (table: string, rows: Row[]) => {
    if (table === "post") {
      const ready: Row[] = [];
      let progress = true;
      let pool = [...waiting, ...rows];
      while (progress) {
        progress = false;
        const still: Row[] = [];
        for (const row of pool) {
          if (row.parentId === null || writtenPosts.has(row.parentId as number)) {
            ready.push(row);
            writtenPosts.add(row.id as number);
            progress = true;
          } else still.push(row);
        }
        pool = still;
      }
      waiting = pool;
      rows = ready;
    }
    if (rows.length) await delegate(table).createMany({ data: rows });
    counts[table] = (counts[table] ?? 0) + rows.length;
  };
  let batch: { table: string; rows: Row[] } | null = null;
  for await (const entry of entries(file)) {
    if (batch && (batch.table !== entry.table || batch.rows.length >= 500)) {
      await writeRows(batch.table, batch.rows);
      batch = null;
    }
    batch ??= { table: entry.table, rows: [] };
    batch.rows.push(entry.row);
  }
  if (batch) await writeRows(batch.table, batch.rows);
  await moveSequences();
  return counts;
}

/**
 * What a person must know after a restore: an export made without
 * --with-secrets carries no password, so no one can sign in until an admin is
 * made from the command line. Null when some account can sign in.
 */
export async function afterRestoreNotice(): Promise<string | null> {
  const canSignIn = await db.user.count({ where: { passwordHash: { not: null } } });
  if (canSignIn > 0) return null;
  return (
    "No one can sign in yet: this export was made without --with-secrets, so no password came with it.\n" +
    "Make an admin account (the password is asked for, never taken as an argument):\n" +
    '  npm run user:create -- --email you@example.com --name "Your Name" --role admin\n' +
    "Every other account can then set a password again with “Forgot your password?”."
  );
}
