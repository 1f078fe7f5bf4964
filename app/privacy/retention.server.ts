// Keeping less: what Afterword stores about people only for a while is
// removed once its period is past (MAIL_RETENTION_DAYS, ADDRESS_RETENTION_DAYS,
// SESSION_RETENTION_DAYS; 90 days each unless set):
// - emails sent or given up on (the outbox rows: address, subject, body);
// - the hash of the address a post was sent from (the post stays, unhashed);
// - sessions that ended (expired) that long ago.
// Every server runs it once a day (scripts/server.js); `npm run prune` runs it
// by hand. It removes only what is past its period, and is safe to run twice
// or on several instances at once.
import { config } from "~/config.server";
import { db } from "~/db.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export type PruneReport = { emails: number; addressHashes: number; sessions: number };

export async function pruneExpired(now = new Date()): Promise<PruneReport> {
  const { MAIL_RETENTION_DAYS, ADDRESS_RETENTION_DAYS, SESSION_RETENTION_DAYS } = config();
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const emails = await db.outboxEmail.deleteMany({
    where: {
      status: { in: ["sent", "failed"] },
      OR: [
        { sentAt: { lt: before(MAIL_RETENTION_DAYS) } },
        { sentAt: null, createdAt: { lt: before(MAIL_RETENTION_DAYS) } },
      ],
    },
  });
  const addressHashes = await db.post.updateMany({
    where: { ipHash: { not: null }, createdAt: { lt: before(ADDRESS_RETENTION_DAYS) } },
    data: { ipHash: null },
  });
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lt: before(SESSION_RETENTION_DAYS) } } });
  return { emails: emails.count, addressHashes: addressHashes.count, sessions: sessions.count };
}

/** Runs the prune a minute after the server starts, then every day; a failure is logged and tried again next day. */
export function startDailyPrune() {
  const run = () =>
    pruneExpired().then(
      (report) => {
        if (report.emails || report.addressHashes || report.sessions) {
          console.log(
            `[prune] removed ${report.emails} old emails, ${report.addressHashes} address hashes, ${report.sessions} ended sessions`,
          );
        }
      },
      (error) => console.error("[prune] failed; it runs again tomorrow:", error),
    );
  setTimeout(run, 60_000).unref();
  setInterval(run, DAY_MS).unref();
}
