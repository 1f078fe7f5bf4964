import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("knows a full disk, a failing or read-only file, and a PostgreSQL server that is down", () => {
    const cases: unknown[] = [
      { code: "SQLITE_FULL", message: "database or disk is full" },
      { code: "SQLITE_IOERR_SHMSIZE", message: "disk I/O error" },
      { code: "SQLITE_READONLY_DBMOVED" },
      { code: "P1001", message: "Can't reach database server" },
      { code: "P2024", message: "Timed out fetching a new connection from the connection pool" },
      Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }),
      { message: "x", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } },
      { kind: "postgres", code: "57P01" },
      new Error("Connection terminated unexpectedly"),
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error), JSON.stringify(error)).toBe(true);
  });

  it("leaves a mistake in a query, a missing row or a broken rule to be the 500 or 4xx it is", () => {
    const cases: unknown[] = [
      null,
      "SQLITE_FULL",
      new Error("Cannot read properties of undefined"),
      { code: "P2002", message: "Unique constraint failed" },
      { code: "P2025", message: "No record was found for a query." },
      { code: "SQLITE_CONSTRAINT_UNIQUE" },
      { kind: "postgres", code: "23505" },
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error), JSON.stringify(error)).toBe(false);
  });
});
