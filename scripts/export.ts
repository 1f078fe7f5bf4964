// npm run export -- <file.jsonl.gz> [--with-secrets] — everything, in the format of docs/export-format.md.
import { parseArgs } from "node:util";
import { exportTo } from "~/backup/backup.server";
import { db } from "~/db.server";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  allowPositionals: true,
  options: { "with-secrets": { type: "boolean" } },
});
if (positionals.length !== 1) {
  console.error("Usage: npm run export -- <file.jsonl.gz> [--with-secrets]");
  process.exit(2);
}
const started = Date.now();
const counts = await exportTo(positionals[0], { withSecrets: values["with-secrets"] });
await db.$disconnect();
const rows = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  `Exported ${rows} row(s) to ${positionals[0]} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    Object.entries(counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(", "),
);
console.log(
  values["with-secrets"]
    ? "With secrets: password hashes, protected sources, mail tokens and sent mail are in this file. Keep it safe."
    : "Without secrets: accounts have no passwords (they set new ones through “Forgot your password?”); protected sources, mail tokens and sent mail are left out (--with-secrets keeps them).",
);
