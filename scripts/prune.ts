// npm run prune — removes now what the server's daily prune would: sent emails,
// posts' address hashes and ended sessions past their retention periods
// (app/privacy/retention.server.ts; the README's "Privacy" says what and when).
import { db } from "~/db.server";
import { pruneExpired } from "~/privacy/retention.server";

const report = await pruneExpired();
console.log(
  `Removed ${report.emails} sent emails, ${report.addressHashes} address hashes from posts and ${report.sessions} ended sessions past their retention periods.`,
);
await db.$disconnect();
