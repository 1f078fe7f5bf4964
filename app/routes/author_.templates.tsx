import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AUTHORS } from "~/auth/roles";
import { requireRole } from "~/auth/guards.server";
import { ArchiveToggle } from "~/components/archive-toggle";
import { TableScroll } from "~/components/table-scroll";
import { Field, FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { intentOf, parseSubmission, readForm, refuse, requireId } from "~/utils/form.server";
import { PLACEHOLDERS, TemplateForm, listTemplates, saveTemplate, setArchived } from "~/templates/templates.server";

export const meta: MetaFunction = () => [{ title: "Reply templates — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  return { templates: await listTemplates(actor.id, true), placeholders: PLACEHOLDERS };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, AUTHORS);
  const form = await readForm(request);
  const intent = intentOf(form, ["save", "archive", "restore"]);
  if (intent !== "save") {
    if (!(await setArchived(actor.id, requireId(form.get("id"), "template"), intent === "archive"))) {
      throw new Response("That template is not yours or does not exist.", { status: 404 });
    }
    return redirect("/author/templates");
  }
  const submission = await parseSubmission(form, TemplateForm);
  if (submission.status !== "success") return refuse(submission);
  const { id, ...values } = submission.value;
  const result = await saveTemplate(actor.id, values, id);
  if (!result.ok) return refuse(submission, result.errors, { status: "form" in result.errors ? 404 : 400 });
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
      <p className="breadcrumb">
        <Link to="/author">← Unanswered questions</Link>
      </p>
      <h1>Reply templates</h1>
      <TableScroll label="Reply templates">
        <table className="log">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Category</th>
              <th scope="col">Used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.name}
                  {t.archivedAt ? " (archived)" : ""}
                </td>
                <td>{t.category}</td>
                <td>{t.usageCount}</td>
                <td>
                  <Link to={`?edit=${t.id}`}>
                    Edit<span className="visually-hidden"> {t.name}</span>
                  </Link>{" "}
                  <ArchiveToggle
                    id={t.id}
                    archived={Boolean(t.archivedAt)}
                    name={t.name}
                    labels={{ archive: "Archive", restore: "Restore" }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
