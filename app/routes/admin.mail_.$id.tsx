import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ADMINS } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { BackLink } from "~/components/back-link";
import { mailboxEmail } from "~/mail/mailbox.server";
import { requireId } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.subject ?? "Email"} — Afterword` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ADMINS);
  return mailboxEmail(requireId(params.id, "email"));
}

export default function MailMessage() {
  const email = useLoaderData<typeof loader>();
  return (
    <div className="moderation">
      <BackLink to="/admin/mail">All mail</BackLink>
      <h1>{email.subject}</h1>
      <dl className="mail-headers">
        <dt>To</dt>
        <dd>{email.to}</dd>
        <dt>Written</dt>
        <dd>{email.created.text}</dd>
        <dt>Message-ID</dt>
        <dd>{email.messageId}</dd>
        {email.unsubscribeUrl ? (
          <>
            <dt>List-Unsubscribe</dt>
            <dd>{email.unsubscribeUrl} (one-click)</dd>
          </>
        ) : null}
        {email.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>{email.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h2>As the recipient sees it</h2>
      <iframe className="mail-preview" title="The email as HTML" sandbox="" src={`/admin/mail/${email.id}/html`} />
      <h2>Plain text</h2>
      <pre className="mail-text">{email.text}</pre>
    </div>
  );
}
