// npm run db:migrate — applies committed migrations to the database DATABASE_URL names.
import { databaseTarget } from "~/db/database-url";
import { migrate } from "~/db/migrations.server";

const target = databaseTarget();
const where = target.provider === "sqlite" ? target.file : `PostgreSQL schema "${target.schema}"`;
try {
  const result = await migrate();
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s) to ${where}: ${result.applied.join(", ")}`
      : `${where} is up to date (${result.alreadyApplied} migration(s)).`,
  );
} catch (error) {
  console.error(`db:migrate failed on ${where}: ${(error as Error).message}`);
  process.exit(1);
}
