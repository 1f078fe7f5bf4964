// What admins read at /admin/mail: every email the site sent or would have
// sent (with no SMTP_URL nothing leaves the machine), newest first, and the
// ones that failed, with why.
import { db } from "~/db.server";
import { configuredTransport } from "~/mail/sender.server";
import { showDateTime } from "~/utils/dates";
import { pageWindow } from "~/utils/pages";

export const MAILBOX_PAGE_SIZE = 50;

export async function mailbox(page = 1, status: string | null = null) {
  const where = status ? { status } : {};
  const [total, counts] = await Promise.all([
    db.outboxEmail.count({ where }),
    db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const window = pageWindow(total, MAILBOX_PAGE_SIZE, page);
  const rows = await db.outboxEmail.findMany({
    where,
    orderBy: { id: "desc" },
    skip: window.skip,
    take: window.take,
    select: {
      id: true,
      kind: true,
      toAddress: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      deliveredVia: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return {
    smtp: configuredTransport() !== null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    page: window.page,
    pageCount: window.pageCount,
    emails: rows.map((r) => ({ ...r, created: showDateTime(r.createdAt), createdAt: undefined, sentAt: undefined })),
  };
}

/** One email as its recipient would see it, with the headers a notification carries. */
export async function mailboxEmail(id: number) {
  const email = await db.outboxEmail.findUnique({ where: { id } });
  if (!email) throw new Response("There is no such email.", { status: 404 });
  return {
    id: email.id,
    to: email.toAddress,
    subject: email.subject,
    text: email.textBody,
    html: email.htmlBody,
    messageId: email.messageId,
    status: email.status,
    lastError: email.lastError,
    unsubscribeUrl: email.unsubscribeUrl,
    created: showDateTime(email.createdAt),
  };
}
