// npm run db:seed [-- --posts N [--article SLUG]] — idempotent demo data; with
// --posts, tops the article up to N generated published posts for load tests.
import { parseArgs } from "node:util";
import { formatSyncReport } from "~/content/sync.server";
import { db } from "~/db.server";
import { seed } from "./seed/seed";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { posts: { type: "string" }, article: { type: "string" } },
});
const posts = values.posts === undefined ? undefined : Number(values.posts);
if (posts !== undefined && (!Number.isInteger(posts) || posts < 0)) {
  console.error("--posts takes a whole number, e.g. --posts 1000");
  process.exit(2);
}
const started = Date.now();
const result = await seed({ posts, article: values.article });
console.log(formatSyncReport(result.sync));
console.log(
  `Seeded ${result.demo} demo post(s)` +
    (posts !== undefined ? ` and ${result.generated} generated post(s)` : "") +
    ` in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
await db.$disconnect();
