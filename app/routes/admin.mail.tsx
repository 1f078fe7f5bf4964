import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ADMINS } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { PageLinks } from "~/components/page-links";
import { StaffTable, WhenCell } from "~/components/staff-table";
import { mailbox } from "~/mail/mailbox.server";
import { pageParam } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Mail — Afterword" }];

const STATUSES = ["held", "pending", "sent", "failed", "cancelled"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ADMINS);
  const params = new URL(request.url).searchParams;
  const status = params.get("status");
  return mailbox(pageParam(params.get("page")), status && STATUSES.includes(status) ? status : null);
}

const STATUS_WORDS: Record<string, string> = {
  held: "waiting for the address to be confirmed",
  pending: "waiting to be sent",
  sent: "sent",
  failed: "failed",
  cancelled: "not sent (the decision was undone)",
};

export default function Mail() {
  const { smtp, counts, emails, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="moderation">
      <h1>Mail</h1>
      {smtp ? (
        <p>Emails are sent through the SMTP server in SMTP_URL.</p>
      ) : (
        <p className="note">
          No SMTP server is set, so nothing leaves this machine: here is every email the site would have sent. To send
          them, set <code>SMTP_URL</code> (such as <code>smtp://user:password@mail.example.com:587</code>) and{" "}
          <code>MAIL_FROM</code>, and restart.
        </p>
      )}
      <p className="moderation__counts">
        <Link to="/admin/mail">All</Link>
        {STATUSES.map((s) => (
          <span key={s}>
            {" "}
            · <Link to={`?status=${s}`}>{`${counts[s] ?? 0} ${STATUS_WORDS[s]}`}</Link>
          </span>
        ))}
      </p>
      {emails.length === 0 ? <p className="empty">No email here yet.</p> : null}
      <StaffTable label="Emails" columns={["When", "To", "Subject", "State"]}>
        {emails.map((e) => (
          <tr key={e.id}>
            <WhenCell at={e.created} />
            <td>{e.toAddress}</td>
            <td>
              <Link to={`/admin/mail/${e.id}`}>{e.subject}</Link>
            </td>
            <td>
              {STATUS_WORDS[e.status] ?? e.status}
              {e.status === "sent" && e.deliveredVia === "mailbox" ? " (kept here)" : ""}
              {e.lastError ? ` · tried ${e.attempts} times: ${e.lastError}` : ""}
            </td>
          </tr>
        ))}
      </StaffTable>
      <PageLinks page={page} pageCount={pageCount} label="Pages of emails" newestFirst />
    </div>
  );
}
