// Where integration tests keep their databases. TEST_DB=postgresql switches
// the whole integration suite to PostgreSQL at TEST_POSTGRES_URL.
import path from "node:path";

export const TMP_DIR = path.resolve("tests/.tmp");
export const BASE_SQLITE = path.join(TMP_DIR, "base.db");

export function testProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

export function postgresUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_DB=postgresql needs TEST_POSTGRES_URL (postgresql://user:pass@host/db)");
  return url;
}

export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("schema", schema);
  return parsed.toString();
}
