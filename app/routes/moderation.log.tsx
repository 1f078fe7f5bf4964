import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { STAFF } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { PageLinks } from "~/components/page-links";
import { StaffTable, WhenCell } from "~/components/staff-table";
import { ACTION_LABELS } from "~/moderation/moderate.server";
import { getAuditLog } from "~/moderation/queue.server";
import { pageParam } from "~/utils/form.server";
import { BackLink } from "~/components/back-link";

export const meta: MetaFunction = () => [{ title: "Audit log — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, STAFF);
  const params = new URL(request.url).searchParams;
  const log = await getAuditLog(
    actor,
    { actor: params.get("actor"), action: params.get("action"), from: params.get("from"), to: params.get("to") },
    pageParam(params.get("page")),
  );
  return { ...log, labels: ACTION_LABELS };
}

export default function AuditLog() {
  const { entries, actors, total, labels, page, pageCount } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="moderation">
      <BackLink to={"/moderation"}>Back to the queue</BackLink>
      <h1>Audit log</h1>
      <p>Every moderation action, newest first. Nobody can change or remove an entry.</p>
      <Form method="get" className="log-filter">
        <div className="field">
          <label htmlFor="actor">Who</label>
          <select id="actor" name="actor" defaultValue={params.get("actor") ?? ""}>
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Any</option>
            {Object.entries(labels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </Form>
      <p>
        {total.toLocaleString("en-US")} {total === 1 ? "entry" : "entries"}
      </p>
      <StaffTable label="Audit log entries" columns={["When", "Who", "Action", "Post", "Reason and change"]}>
        {entries.map((e) => (
          <tr key={e.id}>
            <WhenCell at={e.date} />
            <td>{e.actor}</td>
            <td>{labels[e.action] ?? e.action}</td>
            <td>
              {e.postHref ? <Link to={e.postHref}>{e.postLabel}</Link> : "—"}
              {e.writerHref ? (
                <div>
                  <Link to={e.writerHref} className="muted">
                    Writer’s history<span className="visually-hidden">: {e.postLabel}</span>
                  </Link>
                </div>
              ) : null}
            </td>
            <td>
              {e.reason}
              {e.before !== null && e.after !== null ? (
                <details>
                  <summary>Before and after</summary>
                  <p className="revision-label">{e.cuts ? "Before (the cut passages struck through)" : "Before"}</p>
                  <pre className="revision-text">
                    {e.cuts
                      ? e.cuts.map((part, i) => (part.removed ? <del key={i}>{part.text}</del> : part.text))
                      : e.before}
                  </pre>
                  <p className="revision-label">After</p>
                  <pre className="revision-text">{e.after}</pre>
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </StaffTable>
      <PageLinks page={page} pageCount={pageCount} label="Pages of the audit log" newestFirst />
    </div>
  );
}
