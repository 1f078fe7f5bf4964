import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { ArchiveToggle } from "~/components/archive-toggle";
import { TableScroll } from "~/components/table-scroll";
import { Field, FormError } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm, requireId } from "~/utils/form.server";
import { PLACEHOLDERS, listTemplates, saveTemplate, setArchived } from "~/templates/templates.server";

export const meta: MetaFunction = () => [{ title: "Reply templates — Afterword" }];

const AUTHORS = ["author", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  return { templates: await listTemplates(actor.id, true), placeholders: PLACEHOLDERS };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, AUTHORS);
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  // A new template sends no id; an edit names the template it changes.
  const id = form.get("id") ? requireId(form.get("id"), "template") : undefined;
  if (intent === "archive" || intent === "restore") {
    if (!id || !(await setArchived(actor.id, id, intent === "archive"))) {
      return data(
        { errors: { form: "That template is not yours or does not exist." } as Record<string, string>, values: null },
        { status: 404 },
      );
    }
    return redirect("/author/templates");
  }
  if (intent !== "save")
    return data({ errors: { form: "Unknown action." } as Record<string, string>, values: null }, { status: 400 });
  const values = {
    name: String(form.get("name") ?? ""),
    category: String(form.get("category") ?? ""),
    body: String(form.get("body") ?? ""),
  };
  const result = await saveTemplate(actor.id, values, id);
  if (!result.ok) return data({ errors: result.errors as Record<string, string>, values }, { status: 400 });
  return redirect("/author/templates");
}

export default function Templates() {
  const { templates, placeholders } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = templates.find((t) => String(t.id) === params.get("edit"));
  const values = result?.values ?? editing ?? { name: "", category: "", body: "" };
  const errors = result?.errors ?? {};
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
      <Form method="post" className="auth-form" key={editing?.id ?? "new"}>
        <FormError message={errors.form} />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <Field id="name" name="name" label="Name" defaultValue={values.name} error={errors.name} />
        <Field
          id="category"
          name="category"
          label="Category"
          defaultValue={values.category}
          error={errors.category}
          hint="For example: copyright, start over, next step."
        />
        <div className="field">
          <label htmlFor="body">Text</label>
          <textarea
            id="body"
            name="body"
            rows={8}
            defaultValue={values.body}
            aria-describedby="body-hint"
            aria-invalid={errors.body ? true : undefined}
          />
          <p className="field-hint" id="body-hint">
            Markdown. Placeholders: {placeholders.map((p) => `{{${p}}}`).join(", ")}.
          </p>
          {errors.body ? <p className="field-error">{errors.body}</p> : null}
        </div>
        <button type="submit" name="intent" value="save" className="button button--primary">
          Save template
        </button>
      </Form>
    </div>
  );
}
