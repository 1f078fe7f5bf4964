// The one Prisma client. Every database access in the app goes through it.
// It connects through a driver adapter (no native engine): better-sqlite3 for
// the embedded SQLite file, pg for PostgreSQL. Queries slower than
// SLOW_QUERY_MS are logged, and tests can count the queries a page makes.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "~/generated/postgres/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { databaseTarget } from "~/db/database-url";
import { describeDatabaseError } from "~/db/unavailable";
import { config, configAtImport } from "~/config.server";

export type { Prisma } from "~/generated/sqlite/client";
/** Both generated clients share one shape; the SQLite one names the type. */
export type Db = SqliteClient;

type QueryListener = (query: string, params: string) => void;
const queryListeners = new Set<QueryListener>();

/** Calls `listener` with every SQL statement the client sends (and its parameters, as JSON), until the returned function is called. */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

type QueryEvents = {
  $on(event: "query", listener: (event: { query: string; params: string; duration: number }) => void): void;
};

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>> | Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * Prisma ends a transaction by sending COMMIT (or ROLLBACK) and only then
 * telling the adapter, which frees the transaction's lock (SQLite) or pool
 * connection (PostgreSQL). When that statement fails (a full disk, an I/O
 * error, a connection PostgreSQL dropped) the adapter was never told: on
 * SQLite every later transaction waited forever, on PostgreSQL the pool
 * shrank by one each time. Here a failed COMMIT or ROLLBACK still ends the
 * transaction (SQLite keeps one open after a failed COMMIT, so it is rolled
 * back) and frees what it held; the error goes on to the caller.
 */
function endedEvenOnFailure(transaction: Transaction): Transaction {
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (/^(COMMIT|ROLLBACK)$/.test(query.sql)) {
        if (query.sql === "COMMIT") await executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => {});
        await transaction.rollback().catch(() => {});
      }
      throw error;
    }
  };
  return transaction;
}

/**
 * better-sqlite3 answers every query synchronously and Prisma's adapter hands
 * its one transaction lock from one waiter to the next as a resolved promise,
 * so fifty posts in a row run as one long chain of microtasks in which the
 * event loop never turns: /healthz and even static files waited seconds.
 * Each transaction here lets the event loop turn once before its first query.
 */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    // Reads through a memory map and a 64 MB page cache (SQLite's default is 2 MB): the search
    // index of a large site is read in place, a word's first search 4 ms rather than 15.
    await adapter.executeScript("PRAGMA mmap_size = 268435456; PRAGMA cache_size = -65536;");
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const transaction = endedEvenOnFailure(await start(...args));
      await new Promise((resolve) => setImmediate(resolve));
      return transaction;
    };
    return adapter;
  }
}

class PostgresAdapterFactory extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => endedEvenOnFailure(await start(...args));
    return adapter;
  }
}

function createClient(): Db {
  const target = databaseTarget();
  const log = [{ emit: "event", level: "query" } as const];
  let client: Db;
  if (target.provider === "postgresql") {
    const adapter = new PostgresAdapterFactory(
      {
        connectionString: target.connectionString,
        max: configAtImport().DATABASE_POOL_SIZE,
        // A database that does not answer fails the request (a 503) rather than holding it forever.
        connectionTimeoutMillis: 10_000,
        // Raw queries name tables without a schema; Prisma's own queries name it themselves.
        options: `-c search_path=${target.schema}`,
      },
      { schema: target.schema },
    );
    // The two clients are generated from one datamodel and differ only in provider.
    client = new PostgresClient({ adapter, log }) as unknown as Db;
  } else {
    mkdirSync(dirname(target.file), { recursive: true });
    client = new SqliteClient({ adapter: new SqliteAdapterFactory({ url: target.file, timeout: 10_000 }), log });
  }
  (client as unknown as QueryEvents).$on("query", (event) => {
    for (const listener of queryListeners) listener(event.query, event.params);
    if (event.duration >= config().SLOW_QUERY_MS) {
      console.warn(`[db] slow query (${event.duration} ms): ${event.query.slice(0, 300)}`);
    }
  });
  return client;
}

// One client per process, kept across dev-server reloads (as Indie Stack does).
const globalForDb = globalThis as unknown as { __afterwordDb?: Db };
export const db: Db = globalForDb.__afterwordDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.__afterwordDb = db;

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Serialises transactions that decide by counting rows they are about to add
 * to (a writer's rate limit, the same-text rule): inside a transaction, waits
 * until no other transaction holds any of `keys`, and holds them until commit.
 * PostgreSQL takes transaction-scoped advisory locks, in one order so that two
 * transactions never wait on each other; SQLite already runs one write
 * transaction at a time.
 */
export async function lockKeys(tx: Tx, keys: string[]) {
  if (databaseTarget().provider !== "postgresql" || keys.length === 0) return;
  // One round trip; the subquery's order is the order the locks are taken in.
  const list = [...new Set(keys)].sort().join("\n");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
    FROM (SELECT unnest(string_to_array(${list}, E'\n')) AS k ORDER BY 1) AS ordered`;
}

/**
 * Whether the database reads and writes (for /healthz): a read alone passes
 * on a full disk or a read-only file, where no post can be saved. The write
 * is one small row, kept among the settings (getSettings reads only the keys it knows).
 */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    const at = new Date().toISOString();
    await db.setting.upsert({
      where: { key: "healthCheckedAt" },
      create: { key: "healthCheckedAt", value: at },
      update: { value: at },
    });
    return true;
  } catch (error) {
    reopenIfReadOnly(error);
    console.error(`[healthz] database check failed ${describeDatabaseError(error)}`);
    return false;
  }
}

/**
 * SQLite opens a file it cannot write (a read-only filesystem) read-only, and
 * the connection stays so after the filesystem is writable again: on such an
 * error the connection is closed, and the next query opens the file afresh.
 */
export function reopenIfReadOnly(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  if (databaseTarget().provider !== "sqlite" || typeof code !== "string") return;
  if (/^SQLITE_(READONLY|CANTOPEN)/.test(code)) void db.$disconnect().catch(() => {});
}
