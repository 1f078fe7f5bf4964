import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AUTHORS } from "~/auth/roles";
import { requireRole } from "~/auth/guards.server";
import { ArchiveToggle } from "~/components/archive-toggle";
import { TableScroll } from "~/components/table-scroll";
import { Field, FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { SourceForm, addSource, listSources, setSourceArchived } from "~/copyright/sources.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { intentOf, parseSubmission, readForm, refuse, requireId } from "~/utils/form.server";
import { showDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Protected sources — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  const sources = await listSources(actor);
  return { sources: sources.map((s) => ({ ...s, added: showDateTime(s.createdAt), createdAt: undefined })) };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, AUTHORS);
  const form = await readForm(request);
  const intent = intentOf(form, ["add", "archive", "restore"]);
  if (intent !== "add") {
    const outcome = await setSourceArchived(actor, requireId(form.get("id"), "source"), intent === "archive");
    if (outcome === "not-yours") {
      throw new Response("Only the author who added a protected source, or an admin, can change it.", {
        status: 403,
        statusText: "Forbidden",
      });
    }
    if (outcome === "missing") throw new Response("There is no such protected source.", { status: 404 });
    return redirect("/author/protected");
  }
  const submission = await parseSubmission(form, SourceForm);
  if (submission.status !== "success") return refuse(submission);
  const result = await addSource(submission.value, actor.id);
  if (!result.ok) return refuse(submission, result.errors);
  return redirect("/author/protected");
}

export default function ProtectedSources() {
  const { sources } = useLoaderData<typeof loader>();
  const [form, fields] = useServerForm("add-source", useActionData<typeof action>());
  return (
    <div className="moderation author">
      <p className="breadcrumb">
        <Link to="/author">← Unanswered questions</Link>
      </p>
      <h1>Protected sources</h1>
      <p>
        Texts your answers must not reproduce. Every post is checked against every source; you see and manage the ones
        you added (admins see all). They are never shown to readers.
      </p>
      <TableScroll label="Protected sources">
        <table className="log">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Words</th>
              <th scope="col">Added</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.title}
                  {s.archivedAt ? " (not checked)" : ""}
                </td>
                <td>{s.wordCount.toLocaleString("en-US")}</td>
                <td>{s.added.text}</td>
                <td>
                  <ArchiveToggle
                    id={s.id}
                    archived={Boolean(s.archivedAt)}
                    name={s.title}
                    labels={{ archive: "Stop checking", restore: "Check again" }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>Add a source</h2>
      <Form method="post" className="auth-form" {...formProps(form)}>
        <FormError form={form} />
        <Field meta={fields.title} label="Title" />
        <TextareaField meta={fields.text} label="Text" rows={10} />
        <button type="submit" name="intent" value="add" className="button button--primary">
          Add source
        </button>
      </Form>
    </div>
  );
}
