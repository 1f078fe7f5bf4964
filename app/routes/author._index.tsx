import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/field";
import { PageLinks } from "~/components/page-links";
import { getInbox } from "~/author/inbox.server";
import { requireRole } from "~/auth/guards.server";
import { mayActOnArticle } from "~/auth/roles";
import { db } from "~/db.server";
import { submitPost } from "~/posts/intake.server";
import { flashCookie } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { pageParam, readForm } from "~/utils/form.server";
import { questionPath } from "~/posts/paths";
import { countUse, fillTemplate, listTemplates } from "~/templates/templates.server";

export const meta: MetaFunction = () => [{ title: "Unanswered questions — Afterword" }];

export const AUTHORS = ["author", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  const params = new URL(request.url).searchParams;
  const [inbox, templates] = await Promise.all([
    getInbox(actor, { section: params.get("section"), page: pageParam(params.get("page")) }),
    listTemplates(actor.id),
  ]);
  return {
    inbox,
    templates: templates.map((t) => ({ id: t.id, name: t.name, category: t.category })),
    isAdmin: actor.role === "admin",
  };
}

type Result = {
  questionId: number;
  body: string;
  templateId: string;
  error?: string;
  copyright?: { passages: string[]; sources: string[] };
};

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, AUTHORS);
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  const questionId = Number(form.get("questionId"));
  const body = String(form.get("body") ?? "");
  const question = Number.isSafeInteger(questionId)
    ? await db.post.findFirst({
        where: { id: questionId, parentId: null, status: "published" },
        select: {
          id: true,
          guestName: true,
          user: { select: { displayName: true } },
          article: { select: { id: true, slug: true, title: true, authorId: true } },
          section: { select: { anchor: true, removedAt: true } },
        },
      })
    : null;
  if (!question)
    return data<Result>(
      { questionId, body, templateId: "", error: "That question is not in your inbox." },
      { status: 404 },
    );
  if (!mayActOnArticle(actor, question.article.authorId)) {
    throw new Response("You can only answer questions on your own articles.", { status: 403 });
  }

  if (intent === "insert" || intent === "copyright") {
    const templates = await listTemplates(actor.id);
    const template =
      intent === "copyright"
        ? templates.find((t) => t.category.toLowerCase() === "copyright")
        : templates.find((t) => t.id === Number(form.get("templateIdChoice")));
    if (!template)
      return data<Result>({ questionId, body, templateId: "", error: "Choose a template first." }, { status: 400 });
    const filled = fillTemplate(template.body, {
      asker: question.user?.displayName ?? question.guestName ?? "there",
      articleTitle: question.article.title,
      sectionAnchor: question.section && !question.section.removedAt ? question.section.anchor : null,
    });
    return data<Result>({
      questionId,
      body: body.trim() ? `${body.trimEnd()}\n\n${filled}` : filled,
      templateId: String(template.id),
    });
  }
  if (intent === "link") {
    // The pickers insert the same references an author can type: §section-id or #number.
    const choice = String(form.get("linkChoice") ?? "");
    if (!/^(§[a-z0-9][a-z0-9-]*|#\d{1,7})$/.test(choice))
      return data<Result>(
        { questionId, body, templateId: "", error: "Choose a section or a question to link." },
        { status: 400 },
      );
    return data<Result>({
      questionId,
      body: body.trim() ? `${body.trimEnd()} ${choice}` : choice,
      templateId: String(form.get("templateId") ?? ""),
    });
  }
  if (intent !== "answer")
    return data<Result>({ questionId, body, templateId: "", error: "Unknown action." }, { status: 400 });

  const result = await submitPost(
    question.article,
    { body, parentId: String(question.id), overrideReason: String(form.get("overrideReason") ?? "") },
    { userId: actor.id, role: actor.role, guestKey: null, ipHash: null, formShownAt: null },
  );
  const templateId = String(form.get("templateId") ?? "");
  if (!result.ok) {
    return data<Result>(
      {
        questionId,
        body,
        templateId,
        error: result.formError ?? Object.values(result.fieldErrors)[0] ?? "Your answer could not be posted.",
        copyright: result.copyright,
      },
      { status: result.status },
    );
  }
  if (templateId && Number.isSafeInteger(Number(templateId))) await countUse(actor.id, Number(templateId));
  const back = new URL(request.url);
  return redirect(back.pathname + back.search, {
    headers: {
      "Set-Cookie": await (
        await flashCookie()
      ).serialize({
        message: `Your answer to ${question.user?.displayName ?? question.guestName ?? "the reader"} is published.`,
      }),
    },
  });
}

function Highlighted({ text, passages }: { text: string; passages: string[] }) {
  // Mark each repeated passage where it stands in the answer.
  const parts: { text: string; marked: boolean }[] = [];
  let rest = text;
  for (const passage of passages) {
    const at = rest.indexOf(passage);
    if (at === -1) continue;
    parts.push({ text: rest.slice(0, at), marked: false }, { text: passage, marked: true });
    rest = rest.slice(at + passage.length);
  }
  parts.push({ text: rest, marked: false });
  return (
    <p className="guard-text">
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

export default function AuthorInbox() {
  const { inbox, templates, isAdmin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="moderation author">
      <h1>Unanswered questions</h1>
      <p className="moderation__counts">
        {inbox.total} waiting for your answer · <Link to="/author/templates">Reply templates</Link> ·{" "}
        <Link to="/author/protected">Protected sources</Link>
      </p>
      <nav className="section-filter" aria-label="Filter by section">
        {inbox.filter ? <Link to="/author">All sections</Link> : <strong>All sections</strong>}
        {inbox.sections.map((s) =>
          inbox.filter?.anchor === s.anchor ? (
            <strong key={s.anchor}>
              {s.title} ({s.count})
            </strong>
          ) : (
            <Link key={s.anchor} to={`?section=${s.anchor}`}>
              {s.title} ({s.count})
            </Link>
          ),
        )}
        {inbox.wholeArticle ? <span>The whole article ({inbox.wholeArticle})</span> : null}
      </nav>
      {inbox.questions.length === 0 ? <p className="empty">Every question has an answer from you. Well done.</p> : null}
      <ol className="queue">
        {inbox.questions.map((q) => {
          const mine = result?.questionId === q.id ? result : null;
          return (
            <li key={q.id}>
              <article className="queue-item" aria-label={`Question ${q.number} by ${q.asker}`}>
                <header className="queue-item__header">
                  <strong>
                    {q.number}. {q.asker}
                  </strong>
                  <time className="queue-item__meta" dateTime={q.date.iso}>
                    {q.date.text}
                  </time>
                  <span className="queue-item__meta">
                    <Link to={questionPath(q.article.slug, q.number!)}>{q.article.title}</Link>
                    {q.section ? ` · ${q.section.title}` : " · the whole article"} · {q.replyCount} replies
                  </span>
                </header>
                <div className="prose post__body" dangerouslySetInnerHTML={{ __html: q.bodyHtml }} />
                {q.replies.length ? (
                  <details className="inbox-thread">
                    <summary>
                      {q.replies.length} {q.replies.length === 1 ? "reply" : "replies"} so far
                    </summary>
                    <ol>
                      {q.replies.map((reply) => (
                        <li key={reply.id}>
                          <strong>{reply.writer}</strong>
                          <div className="prose post__body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
                <Form method="post" className="composer" aria-label={`Answer ${q.asker}`}>
                  <input type="hidden" name="questionId" value={q.id} />
                  <input type="hidden" name="templateId" value={mine?.templateId ?? ""} />
                  <FormError message={mine?.error} />
                  {mine?.copyright ? (
                    <section className="guard" aria-label="Protected text found">
                      <p>
                        Passages that repeat {mine.copyright.sources.map((s) => `“${s}”`).join(" and ")} are
                        highlighted:
                      </p>
                      <Highlighted text={mine.body} passages={mine.copyright.passages} />
                      <button type="submit" name="intent" value="copyright" className="button">
                        Use the copyright template instead
                      </button>
                      {isAdmin ? (
                        <div className="field">
                          <label htmlFor={`override-${q.id}`}>Reason to publish anyway (admins only; recorded)</label>
                          <input id={`override-${q.id}`} name="overrideReason" />
                        </div>
                      ) : null}
                    </section>
                  ) : null}
                  <div className="composer__templates">
                    <label htmlFor={`template-${q.id}`}>Template</label>
                    <select id={`template-${q.id}`} name="templateIdChoice" defaultValue="">
                      <option value="">Choose a template…</option>
                      {templates.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.category ? `${t.category}: ` : ""}
                          {t.name}
                        </option>
                      ))}
                    </select>
                    <button type="submit" name="intent" value="insert" className="button" formNoValidate>
                      Insert template
                    </button>
                  </div>
                  <div className="composer__templates">
                    <label htmlFor={`link-${q.id}`}>Link a section or question</label>
                    <select id={`link-${q.id}`} name="linkChoice" defaultValue="">
                      <option value="">Choose…</option>
                      <optgroup label="Sections">
                        {inbox.links[q.articleId].sections.map((s) => (
                          <option key={s.anchor} value={`§${s.anchor}`}>
                            {s.title} (§{s.anchor})
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label="Questions">
                        {inbox.links[q.articleId].questions.map((other) => (
                          <option key={other.number} value={`#${other.number}`}>
                            #{other.number} by {other.asker}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                    <button type="submit" name="intent" value="link" className="button" formNoValidate>
                      Insert link
                    </button>
                  </div>
                  <div className="field">
                    <label htmlFor={`answer-${q.id}`}>Your answer</label>
                    <textarea
                      key={mine ? `${mine.templateId}-${mine.body.length}` : "empty"}
                      id={`answer-${q.id}`}
                      name="body"
                      rows={6}
                      defaultValue={mine?.body ?? ""}
                      aria-describedby={`answer-hint-${q.id}`}
                    />
                    <p className="field-hint" id={`answer-hint-${q.id}`}>
                      Write #12 to point to question 12, and §section-id to point to a section (or use “Insert link”);
                      both become links.
                    </p>
                  </div>
                  <button type="submit" name="intent" value="answer" className="button button--primary">
                    Publish answer
                  </button>
                </Form>
              </article>
            </li>
          );
        })}
      </ol>
      <PageLinks page={inbox.page} pageCount={inbox.pageCount} label="Pages of questions" />
    </div>
  );
}
