import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, requireStaffForm } from "~/auth/guards.server";
import { AUTHORS } from "~/model/roles";
import { WHOLE_ARTICLE } from "~/author/sections";
import { confirmSection, sectionsToConfirm } from "~/author/sections.server";
import { BackLink } from "~/components/back-link";
import { PageLinks } from "~/components/page-links";
import { questionPath } from "~/model/paths";
import { flashHeaders } from "~/security/cookies.server";
import { pageParam, requireId } from "~/utils/form.server";
import { isRefusal } from "~/utils/refusal";

export const meta: MetaFunction = () => [{ title: "Sections to confirm — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  return sectionsToConfirm(actor, pageParam(new URL(request.url).searchParams.get("page")));
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, form } = await requireStaffForm(request, AUTHORS, ["confirm"]);
  const section = form.get("section");
  let done: string;
  try {
    done = await confirmSection(
      actor,
      requireId(form.get("id"), "question"),
      typeof section === "string" ? section : "",
    );
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // A question gone or not theirs is an error page; a choice that no longer fits is said above the list.
    if (error.status === 403 || error.status === 404) throw new Response(error.message, { status: error.status });
    return data({ problem: error.message }, { status: error.status });
  }
  const back = new URL(request.url);
  return redirect(back.pathname + back.search, { headers: await flashHeaders(done) });
}

export default function SectionsToConfirm() {
  const { questions, total, page, pageCount } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>()?.problem;
  return (
    <div className="moderation author">
      <BackLink to="/author">Unanswered questions</BackLink>
      <h1>Sections to confirm</h1>
      <p>
        {total === 0
          ? "Every question is filed where you put it."
          : `${total} ${total === 1 ? "question was" : "questions were"} filed under the section ${total === 1 ? "its" : "their"} words match best, when ${total === 1 ? "it was" : "they were"} imported or asked without choosing one. Readers see the section already; confirm it or choose another.`}
      </p>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ol className="queue">
        {questions.map((q) => (
          <li key={q.id}>
            <article className="queue-item" aria-label={q.name}>
              <header className="queue-item__header">
                <strong>{q.name}</strong>
                <time className="queue-item__meta" dateTime={q.date.iso}>
                  {q.date.text}
                </time>
                <span className="queue-item__meta">
                  {q.number !== null ? (
                    <Link to={questionPath(q.article.slug, q.number)}>{q.article.title}</Link>
                  ) : (
                    q.article.title
                  )}
                  {q.pending ? " · awaiting moderation" : ""}
                </span>
              </header>
              <div className="prose post__body" dangerouslySetInnerHTML={{ __html: q.bodyHtml }} />
              <Form method="post" className="inline-form section-confirm">
                <input type="hidden" name="id" value={q.id} />
                <label htmlFor={`section-${q.id}`}>Section</label>
                <select id={`section-${q.id}`} name="section" defaultValue={q.suggested}>
                  {q.sections.map((s) => (
                    <option key={s.anchor} value={s.anchor}>
                      {s.title}
                      {s.anchor === q.suggested ? " (suggested)" : ""}
                    </option>
                  ))}
                  <option value={WHOLE_ARTICLE}>
                    The whole article{q.suggested === WHOLE_ARTICLE ? " (suggested)" : ""}
                  </option>
                </select>
                <button type="submit" name="intent" value="confirm" className="button">
                  Confirm<span className="visually-hidden"> the section of {q.name}</span>
                </button>
              </Form>
            </article>
          </li>
        ))}
      </ol>
      <PageLinks page={page} pageCount={pageCount} label="Pages of questions" />
    </div>
  );
}
