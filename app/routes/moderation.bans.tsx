// /moderation/bans — every ban in force and every one that ended, searchable
// by name or email; a moderator lifts one with a reason. Moderators and admins
// only: authors see nothing here.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireRole, requireStaffForm } from "~/auth/guards.server";
import { BackLink } from "~/components/back-link";
import { FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { PageLinks } from "~/components/page-links";
import { StaffTable, WhenCell } from "~/components/staff-table";
import { BAN_REASON_MAX } from "~/model/ban-lengths";
import { MODERATORS_AND_ADMINS } from "~/model/roles";
import { type BanEntry, liftBan, listBans } from "~/moderation/ban-list.server";
import { flashHeaders } from "~/security/cookies.server";
import { idField, pageParam, parseSubmission, refuse, refused } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Bans — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, MODERATORS_AND_ADMINS);
  const params = new URL(request.url).searchParams;
  return listBans({ q: (params.get("q") ?? "").slice(0, 200), page: pageParam(params.get("page")) });
}

const LiftForm = z.object({
  banId: idField("That ban number is not valid."),
  reason: z
    .string({ required_error: "Say why the ban is lifted: the audit log keeps it." })
    .trim()
    .min(1, "Say why the ban is lifted: the audit log keeps it.")
    .max(BAN_REASON_MAX, `Keep the reason under ${BAN_REASON_MAX} characters.`),
});

export async function action({ request }: ActionFunctionArgs) {
  const { actor, form } = await requireStaffForm(request, MODERATORS_AND_ADMINS, ["lift"]);
  const submission = await parseSubmission(form, LiftForm);
  const which = `lift-${String(form.get("banId") ?? "")}`;
  if (submission.status !== "success") return refuse(submission, {}, { form: which });
  try {
    await liftBan(actor, submission.value.banId, submission.value.reason);
  } catch (error) {
    return refused(submission, error, { form: which });
  }
  return redirect(new URL(request.url).pathname + new URL(request.url).search, {
    headers: await flashHeaders("The ban is lifted. It stays on this list, and the audit log says why."),
  });
}

const COVERS: Record<BanEntry["covers"], string> = {
  account: "Their account",
  guest: "The guest (their cookie and email)",
  address: "Every guest from one address",
};

export default function Bans() {
  const { bans, total, inForce, page, pageCount } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="moderation">
      <BackLink to="/moderation">Back to the queue</BackLink>
      <h1>Bans</h1>
      <p>
        {inForce} in force. A ban ends by itself when its time is up, or when a moderator lifts it; either way it stays
        listed here.
      </p>
      <Form method="get" className="log-filter" role="search">
        <div className="field">
          <label htmlFor="bans-q">Name or email</label>
          <input id="bans-q" name="q" type="search" defaultValue={params.get("q") ?? ""} maxLength={200} />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      {total === 0 ? (
        <p className="empty">{params.get("q") ? "No ban matches that name or email." : "Nobody is banned."}</p>
      ) : (
        <StaffTable label="Bans" columns={["Writer", "Covers", "Why", "Banned", "Ends", "State"]}>
          {bans.map((ban) => (
            <BanRow key={ban.id} ban={ban} />
          ))}
        </StaffTable>
      )}
      <PageLinks page={page} pageCount={pageCount} label="Pages of bans" newestFirst />
    </div>
  );
}

function BanRow({ ban }: { ban: BanEntry }) {
  const [form, fields] = useServerForm(`lift-${ban.id}`, useActionData<typeof action>());
  return (
    <tr>
      <td>
        {ban.history ? (
          <Link to={ban.history}>
            {ban.writer}
            <span className="visually-hidden">: history</span>
          </Link>
        ) : (
          ban.writer
        )}
        {ban.email ? <div className="muted">{ban.email}</div> : null}
      </td>
      <td>{COVERS[ban.covers]}</td>
      <td>{ban.reason || <span className="muted">No reason given</span>}</td>
      <td>
        <time dateTime={ban.bannedAt.iso}>{ban.bannedAt.text}</time>
        {ban.bannedBy ? <div className="muted">by {ban.bannedBy}</div> : null}
      </td>
      {ban.endsAt ? <WhenCell at={ban.endsAt} /> : <td>Never (for good)</td>}
      <td>
        {ban.state === "lifted" && ban.lifted ? (
          <>
            Lifted <time dateTime={ban.lifted.at.iso}>{ban.lifted.at.text}</time>
            {ban.lifted.by ? ` by ${ban.lifted.by}` : ""}: {ban.lifted.reason}
          </>
        ) : ban.state === "expired" ? (
          "Ended (its time was up)"
        ) : (
          <details open={Boolean(form.errors?.length || fields.reason.errors?.length)}>
            <summary>
              In force · Lift<span className="visually-hidden"> the ban on {ban.writer}</span>
            </summary>
            <Form method="post" {...formProps(form)} aria-label={`Lift the ban on ${ban.writer}`}>
              <FormError form={form} />
              <input type="hidden" name="banId" value={ban.id} />
              <TextareaField meta={fields.reason} label="Why lift it?" rows={2} />
              <button type="submit" name="intent" value="lift" className="button">
                Lift the ban
              </button>
            </Form>
          </details>
        )}
      </td>
    </tr>
  );
}
