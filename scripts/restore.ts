// npm run restore -- <file.jsonl.gz> — into the empty database DATABASE_URL names (migrated first).
import { BackupError, afterRestoreNotice, restoreFrom } from "~/backup/backup.server";
import { databaseTarget } from "~/db/database-url";
import { migrate } from "~/db/migrations.server";
import { db } from "~/db.server";
import { rebuildSearchIndex } from "~/search/search.server";

const [file, ...extra] = process.argv.slice(2).filter((arg) => arg !== "--");
if (!file || extra.length) {
  console.error("Usage: npm run restore -- <file.jsonl.gz>");
  process.exit(2);
}
const target = databaseTarget();
const where = target.provider === "sqlite" ? target.file : `PostgreSQL schema "${target.schema}"`;
try {
  await migrate();
  const started = Date.now();
  const counts = await restoreFrom(file);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Restored ${rows} row(s) from ${file} into ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await rebuildSearchIndex();
  console.log("Search index rebuilt.");
  const notice = await afterRestoreNotice();
  if (notice) console.log(`\n${notice}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Nothing was restored from ${file}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
