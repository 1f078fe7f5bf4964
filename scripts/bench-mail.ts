// npm run bench:mail [-- --emails 10000 --concurrency 4]
// Queues N notifications in a separate database's outbox, starts a local SMTP
// server (in another process, so the sender and the receiver do not share a
// CPU), and sends them all with the app's sender through a pooled SMTP
// transport, as an app instance would. Prints the rate. A benchmark, not a test.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    emails: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "4" },
    port: { type: "string", default: "2526" },
  },
});
const emails = Number(values.emails);
const file = `./data/bench-mail.db`;
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
const env = { ...process.env } as NodeJS.ProcessEnv;
if (spawnSync("node_modules/.bin/tsx", ["scripts/db-migrate.ts"], { stdio: "inherit", env }).status !== 0) {
  throw new Error("migrate failed");
}

// The receiving SMTP server, counting what it accepts.
const receiver = spawn(
  process.execPath,
  [
    "--input-type=module",
    "-e",
    `import { SMTPServer } from "smtp-server";
     let n = 0;
     const server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
       onData(stream, _s, cb) { stream.on("data", () => {}); stream.on("end", () => { n++; cb(); }); } });
     server.listen(${Number(values.port)}, "127.0.0.1", () => console.log("ready"));
     process.on("SIGTERM", () => { console.log("received " + n); process.exit(0); });`,
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
await new Promise<void>((resolve) => receiver.stdout!.once("data", () => resolve()));

const { db } = await import("~/db.server");
const { sendDue } = await import("~/mail/sender.server");
const nodemailer = (await import("nodemailer")).default;

const body = "Nora Whitfield answered your question.\n\n" + "A paragraph of the answer. ".repeat(20);
for (let i = 0; i < emails; i += 1000) {
  await db.outboxEmail.createMany({
    data: Array.from({ length: Math.min(1000, emails - i) }, (_, j) => ({
      kind: "answer",
      toAddress: `reader-${i + j}@example.com`,
      subject: "Nora Whitfield answered question 12",
      textBody: body,
      htmlBody: `<!doctype html><p>${body}</p>`,
      unsubscribeUrl: `http://localhost:3000/subscriptions/unsubscribe?token=${"a".repeat(32)}`,
      messageId: `<bench-${i + j}@afterword.test>`,
    })),
  });
}
const transport = nodemailer.createTransport(`smtp://127.0.0.1:${values.port}?pool=true&maxConnections=4`);
const started = performance.now();
let sent = 0;
for (;;) {
  const round = await sendDue({ transport, limit: 500, concurrency: Number(values.concurrency), owner: "bench" });
  sent += round.sent;
  if (round.sent === 0 && round.failed === 0) break;
}
const seconds = (performance.now() - started) / 1000;
transport.close();
receiver.kill("SIGTERM");
const received = await new Promise<string>((resolve) => receiver.stdout!.on("data", (d) => resolve(String(d).trim())));
console.log(
  `${sent.toLocaleString("en-US")} emails sent in ${seconds.toFixed(1)} s: ${Math.round(sent / seconds)} emails/s (${received} by the SMTP server)`,
);
await db.$disconnect();
