// How one app instance hears of another's writes, so that its kept article
// pages (page-cache.server.ts) never show a post later than the moment it was
// acknowledged. On PostgreSQL, triggers NOTIFY at every commit that touches
// posts, articles, sections or accounts (prisma/postgres/migrations/
// 20261205230000_change_notifications), and each instance LISTENs on one
// connection of its own; if that connection drops, it connects again and
// counts everything as changed, since it may have missed a notification.
// Until it is listening, the version check every VERSION_CHECK_MS still holds.
// A SQLite file has one instance, which is told of its own writes by the server.
import pg from "pg";
import { databaseTarget } from "~/db/database-url";

let started = false;

export function listenForChanges(onChange: () => void) {
  const target = databaseTarget();
  if (target.provider !== "postgresql" || started) return;
  started = true;
  const channel = `afterword_changed:${target.schema}`;
  const connect = async () => {
    const client = new pg.Client({ connectionString: target.connectionString });
    let again = false;
    const retry = () => {
      if (again) return;
      again = true;
      client.end().catch(() => {});
      setTimeout(connect, 1_000).unref();
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", () => onChange());
    try {
      await client.connect();
      await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      onChange();
    } catch {
      retry();
    }
  };
  void connect();
}
