import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AUTHORS } from "~/model/roles";
import { requireRole, requireStaffForm } from "~/auth/guards.server";
import { ArchiveToggle, archivedName } from "~/components/archive-toggle";
import { StaffTable } from "~/components/staff-table";
import { Field, FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { parseSubmission, refuse, refused, requireId } from "~/utils/form.server";
import { PLACEHOLDERS, TemplateForm, listTemplates, saveTemplate, setArchived } from "~/templates/templates.server";
import { BackLink } from "~/components/back-link";

export const meta: MetaFunction = () => [{ title: "Reply templates — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  return { templates: await listTemplates(actor.id, true), placeholders: PLACEHOLDERS };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, form, intent } = await requireStaffForm(request, AUTHORS, ["save", "archive", "restore"]);
  if (intent !== "save") {
    if (!(await setArchived(actor.id, requireId(form.get("id"), "template"), intent === "archive"))) {
      throw new Response("That template is not yours or does not exist.", { status: 404 });
    }
    return redirect("/author/templates");
  }
  const submission = await parseSubmission(form, TemplateForm);
  if (submission.status !== "success") return refuse(submission);
  const { id, ...values } = submission.value;
  try {
    await saveTemplate(actor.id, values, id);
  } catch (error) {
    return refused(submission, error);
  }
  return redirect("/author/templates");
}

export default function Templates() {
  const { templates, placeholders } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const editing = templates.find((t) => String(t.id) === params.get("edit"));
  const [form, fields] = useServerForm(
    editing ? `template-${editing.id}` : "template-new",
    useActionData<typeof action>(),
    editing ? { name: editing.name, category: editing.category, body: editing.body } : undefined,
  );
  return (
    <div className="moderation author">
      <BackLink to={"/author"}>Unanswered questions</BackLink>
      <h1>Reply templates</h1>
      <StaffTable label="Reply templates" columns={["Name", "Category", "Used", "Actions"]}>
        {templates.map((t) => (
          <tr key={t.id}>
            <td>{archivedName(t.name, t.archivedAt, "template")}</td>
            <td>{t.category}</td>
            <td>{t.usageCount}</td>
            <td>
              <Link to={`?edit=${t.id}`}>
                Edit<span className="visually-hidden"> {t.name}</span>
              </Link>{" "}
              <ArchiveToggle id={t.id} archived={Boolean(t.archivedAt)} name={t.name} kind="template" />
            </td>
          </tr>
        ))}
      </StaffTable>
      <h2>{editing ? `Edit “${editing.name}”` : "New template"}</h2>
      <Form method="post" className="auth-form" {...formProps(form)}>
        <FormError form={form} />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <Field meta={fields.name} label="Name" />
        <Field meta={fields.category} label="Category" hint="For example: copyright, start over, next step." />
        <TextareaField
          meta={fields.body}
          label="Text"
          rows={8}
          hint={`Markdown. Placeholders: ${placeholders.map((p) => `{{${p}}}`).join(", ")}.`}
        />
        <button type="submit" name="intent" value="save" className="button button--primary">
          Save template
        </button>
      </Form>
    </div>
  );
}
