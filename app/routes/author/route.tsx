import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageLinks } from "~/components/page-links";
import { questionPath } from "~/posts/paths";
import { type ComposerAnswer, Composer } from "./composer";
import { composeAnswer, loadInbox } from "./data.server";

export const meta: MetaFunction = () => [{ title: "Unanswered questions — Afterword" }];

export const loader = loadInbox;
export const action = composeAnswer;

export default function AuthorInbox() {
  const { inbox, templates, isAdmin, sectionsToConfirm } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ComposerAnswer | undefined;
  return (
    <div className="moderation author">
      <h1>Unanswered questions</h1>
      <p className="moderation__counts">
        {inbox.total} waiting for your answer · <Link to="/author/templates">Reply templates</Link> ·{" "}
        <Link to="/author/protected">Protected sources</Link>
        {sectionsToConfirm ? (
          <>
            {" "}
            · <Link to="/author/sections">Sections to confirm ({sectionsToConfirm})</Link>
          </>
        ) : null}
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
          return (
            <li key={q.id}>
              <article className="queue-item" id={`answer-${q.id}`} aria-label={`Question ${q.number} by ${q.asker}`}>
                <header className="queue-item__header">
                  <strong>
                    {q.number}. {q.asker}
                  </strong>
                  <time className="queue-item__meta" dateTime={q.date.iso}>
                    {q.date.text}
                  </time>
                  <span className="queue-item__meta">
                    <Link to={questionPath(q.article.slug, q.number!)}>{q.article.title}</Link>
                    {q.section ? ` · ${q.section.title}` : " · the whole article"} · {q.replyCount}{" "}
                    {q.replyCount === 1 ? "reply" : "replies"}
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
                <Composer
                  questionId={q.id}
                  asker={q.asker}
                  templates={templates}
                  links={inbox.links[q.articleId]}
                  isAdmin={isAdmin}
                  answer={answer}
                  similar={q.similar}
                />
              </article>
            </li>
          );
        })}
      </ol>
      <PageLinks page={inbox.page} pageCount={inbox.pageCount} label="Pages of questions" />
    </div>
  );
}
