// Prisma CLI settings. Afterword runs Prisma without native engines: the
// client is generated for the JS query compiler and connects through driver
// adapters (app/db.server.ts). The CLI is only used for `generate` and
// `migrate diff`; migrations are applied by scripts/db-migrate.ts.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: ":memory:" });
  },
});
