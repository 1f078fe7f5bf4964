// Whether an error means the database cannot serve us just now (a full disk,
// a read-only or failing file, a PostgreSQL server that is down, refusing or
// out of connections), as opposed to a mistake in a query. Such a request is
// answered 503 with a page saying so (entry.server.tsx), never a 500.
// Prisma wraps what the driver said in its own errors, so the whole chain is
// read: codes, driver-adapter kinds and the causes beneath.

const SQLITE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|NOMEM|PROTOCOL)/;
/** PostgreSQL SQLSTATEs: connection exceptions, shutdown, out of resources, a read-only server. */
const POSTGRES = /^(08\d{3}|57P0[123]|53\d{3}|25006)$/;
const NETWORK = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)$/;
/** Prisma's: cannot reach, timed out, server closed the connection, no connection from the pool, transaction API. */
const PRISMA = /^P(1001|1002|1008|1017|2024|2028)$/;
const KINDS =
  /^(DatabaseNotReachable|DatabaseDoesNotExist|ConnectionClosed|SocketTimeout|TooManyConnections|TransactionAlreadyClosed)$/;
const MESSAGES =
  /Connection terminated|connection timeout|Can't reach database server|Timed out fetching a new connection|database or disk is full|disk I\/O error|attempt to write a readonly database|unable to open database file/i;

/** One line for the log: the error's code and the last line of its message (Prisma's run to many). */
export function describeDatabaseError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const last = String(message).split("\n").filter(Boolean).pop();
  return `(${typeof code === "string" ? code : "no code"}): ${last}`;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  if (SQLITE.test(code) || POSTGRES.test(code) || NETWORK.test(code) || PRISMA.test(code)) return true;
  if (typeof e.kind === "string" && KINDS.test(e.kind)) return true;
  if (e.kind === "postgres" && POSTGRES.test(String((e as { code?: unknown }).code ?? ""))) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
}
