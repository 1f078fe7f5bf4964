// The outbox sender, one in each app instance. It claims due rows with a
// lease (a conditional update that only one instance can win, on SQLite and
// on PostgreSQL), sends each through SMTP, and marks it sent. A failure is
// retried later and later; after the last try the row stays as failed for
// admins to see. A row whose lease ran out (the app stopped mid-send) is sent
// again, with the same Message-ID, so a duplicate is recognisable.
// With no SMTP_URL nothing leaves the machine: rows are kept as delivered to
// the site's mailbox, where admins read them (/admin/mail).
import { hostname } from "node:os";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "~/config.server";
import { db } from "~/db.server";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;

/** How long a row waits after its n-th failed try: 1, 2, 4 … minutes, at most six hours. */
export function retryDelayMs(attempts: number) {
  return Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export type MailTransport = Pick<Transporter, "sendMail"> | null;

let transport: MailTransport | undefined;
/** SMTP from SMTP_URL, or null: no SMTP, mail kept in the site's mailbox. */
export function configuredTransport(): MailTransport {
  if (transport === undefined) {
    const url = config().SMTP_URL;
    // A pool of a few connections, kept open between messages.
    transport = url
      ? nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}pool=true&maxConnections=4`)
      : null;
  }
  return transport;
}

export function mailFrom() {
  return config().MAIL_FROM ?? "Afterword <no-reply@localhost>";
}

export type SendOptions = {
  transport: MailTransport;
  owner?: string;
  limit?: number;
  /** How many messages are in flight at once. */
  concurrency?: number;
  now?: () => Date;
};

/** Sends what is due now; returns how many rows this sender sent and how many failed. */
export async function sendDue(options: SendOptions) {
  const owner = options.owner ?? `${hostname()}:${process.pid}`;
  const now = options.now ?? (() => new Date());
  const due = await db.outboxEmail.findMany({
    where: { status: "pending", dueAt: { lte: now() }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }] },
    orderBy: { id: "asc" },
    take: options.limit ?? 100,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  const queue = due.map((row) => row.id);
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const outcome = await sendOne(id, owner, options.transport, now);
      if (outcome === "sent") sent++;
      else if (outcome === "failed") failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { sent, failed };
}

/** Claims one row and sends it; "taken" when another sender has it. */
async function sendOne(id: number, owner: string, transport: MailTransport, now: () => Date) {
  const claimedAt = now();
  const claim = await db.outboxEmail.updateMany({
    where: { id, status: "pending", OR: [{ leaseUntil: null }, { leaseUntil: { lt: claimedAt } }] },
    data: { leaseUntil: new Date(claimedAt.getTime() + LEASE_MS), leasedBy: owner },
  });
  if (claim.count === 0) return "taken" as const;
  const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
  try {
    if (transport) {
      await transport.sendMail({
        from: mailFrom(),
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        messageId: row.messageId,
        headers: row.unsubscribeUrl
          ? { "List-Unsubscribe": `<${row.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
          : {},
      });
    }
    await db.outboxEmail.update({
      where: { id },
      data: {
        status: "sent",
        sentAt: now(),
        deliveredVia: transport ? "smtp" : "mailbox",
        leaseUntil: null,
        attempts: { increment: 1 },
        lastError: null,
      },
    });
    return "sent" as const;
  } catch (error) {
    const attempts = row.attempts + 1;
    await db.outboxEmail.update({
      where: { id },
      data: {
        attempts,
        status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
        dueAt: new Date(now().getTime() + retryDelayMs(attempts)),
        leaseUntil: null,
        lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
      },
    });
    return "failed" as const;
  }
}

let timer: NodeJS.Timeout | null = null;

/**
 * Starts this instance's sender: every few seconds, whatever is due, after
 * `writeDue` has written what else is due (the staff digests; the server
 * composes them in, app/entry.server.tsx, as mail knows nothing of the queue).
 */
export function startMailSender(writeDue: () => Promise<unknown> = async () => {}, everyMs = 5_000) {
  if (timer) return;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    writeDue()
      .then(() => sendDue({ transport: configuredTransport() }))
      .catch((error) => console.error("[mail] the sender failed", error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
}
