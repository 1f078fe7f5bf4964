// npm run content:sync — renders content/articles/*.md and stores articles and sections.
import { formatSyncReport, syncContent } from "~/content/sync.server";
import { db } from "~/db.server";

const report = await syncContent();
console.log(formatSyncReport(report) || "No articles found in content/articles.");
await db.$disconnect();
if (report.errors.length) process.exit(1);
