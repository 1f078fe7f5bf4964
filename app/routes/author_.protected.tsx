import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AUTHORS } from "~/model/roles";
import { requireRole, requireStaffForm } from "~/auth/guards.server";
import { ArchiveToggle, archivedName } from "~/components/archive-toggle";
import { StaffTable } from "~/components/staff-table";
import { Field, FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { SourceForm, addSource, listSources, setSourceArchived } from "~/copyright/sources.server";
import { answerRefusal, parseSubmission, refuse, refused, requireId } from "~/utils/form.server";
import { showDateTime } from "~/utils/dates";
import { BackLink } from "~/components/back-link";

export const meta: MetaFunction = () => [{ title: "Protected sources — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  const sources = await listSources(actor);
  return { sources: sources.map((s) => ({ ...s, added: showDateTime(s.createdAt), createdAt: undefined })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, form, intent } = await requireStaffForm(request, AUTHORS, ["add", "archive", "restore"]);
  if (intent !== "add") {
    await answerRefusal(() => setSourceArchived(actor, requireId(form.get("id"), "source"), intent === "archive"));
    return redirect("/author/protected");
  }
  const submission = await parseSubmission(form, SourceForm);
  if (submission.status !== "success") return refuse(submission);
  try {
    await addSource(submission.value, actor.id);
  } catch (error) {
    return refused(submission, error);
  }
  return redirect("/author/protected");
}

export default function ProtectedSources() {
  const { sources } = useLoaderData<typeof loader>();
  const [form, fields] = useServerForm("add-source", useActionData<typeof action>());
  return (
    <div className="moderation author">
      <BackLink to={"/author"}>Unanswered questions</BackLink>
      <h1>Protected sources</h1>
      <p>
        Texts your answers must not reproduce. Every post is checked against every source; you see and manage the ones
        you added (admins see all). They are never shown to readers.
      </p>
      <StaffTable label="Protected sources" columns={["Title", "Words", "Added", "Actions"]}>
        {sources.map((s) => (
          <tr key={s.id}>
            <td>{archivedName(s.title, s.archivedAt, "source")}</td>
            <td>{s.wordCount.toLocaleString("en-US")}</td>
            <td>{s.added.text}</td>
            <td>
              <ArchiveToggle id={s.id} archived={Boolean(s.archivedAt)} name={s.title} kind="source" />
            </td>
          </tr>
        ))}
      </StaffTable>
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
