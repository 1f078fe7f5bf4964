import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageLinks } from "~/components/page-links";
import { questionPath } from "~/model/paths";
import { type ComposerAnswer, Composer } from "./composer";
import { composeAnswer, loadInbox } from "./data.server";

export const meta: MetaFunction = () => [{ title: "Unanswered questions — Afterword" }];

export const loader = loadInbox;
export const action = composeAnswer;

type Inbox = ReturnType<typeof useLoaderData<typeof loader>>["inbox"];

const SORT_LABELS: Record<string, string> = { wanted: "Most wanted", newest: "Newest", oldest: "Oldest" };

/** The inbox's address with some of its choices changed (a new choice starts at page 1). */
function inboxHref(inbox: Inbox, change: { article?: string | null; section?: string | null; sort?: string }) {
  const params = new URLSearchParams();
  const article = "article" in change ? change.article : inbox.filter?.article.slug;
  const section = "section" in change ? change.section : inbox.filter?.section?.anchor;
  const sort = change.sort ?? inbox.sort;
  if (article) params.set("article", article);
  if (article && section) params.set("section", section);
  if (sort !== "wanted") params.set("sort", sort);
  const query = params.toString();
  return query ? `?${query}` : "/author";
}

/** Which article and section, and in what order: plain links, so they work without JavaScript. */
function InboxFilters({ inbox }: { inbox: Inbox }) {
  const chosen = inbox.filter;
  return (
    <>
      <nav className="section-filter" aria-label="Order">
        <span>Order:</span>
        {Object.entries(SORT_LABELS).map(([sort, label]) =>
          inbox.sort === sort ? (
            <strong key={sort} aria-current="true">
              {label}
            </strong>
          ) : (
            <Link key={sort} to={inboxHref(inbox, { sort })}>
              {label}
            </Link>
          ),
        )}
      </nav>
      <nav className="section-filter" aria-label="Filter by article">
        {chosen ? (
          <Link to={inboxHref(inbox, { article: null, section: null })}>All articles</Link>
        ) : (
          <strong>All articles</strong>
        )}
        {inbox.articles.map((a) =>
          chosen?.article.slug === a.slug && !chosen.section ? (
            <strong key={a.slug}>
              {a.title} ({a.count})
            </strong>
          ) : (
            <Link key={a.slug} to={inboxHref(inbox, { article: a.slug, section: null })}>
              {a.title} ({a.count})
            </Link>
          ),
        )}
      </nav>
      {chosen
        ? inbox.articles
            .filter((a) => a.slug === chosen.article.slug)
            .map((a) => (
              <nav key={a.slug} className="section-filter" aria-label={`Filter “${a.title}” by section`}>
                <span>Sections of “{a.title}”:</span>
                {a.sections.map((s) =>
                  chosen.section?.anchor === s.anchor ? (
                    <strong key={s.anchor}>
                      {s.title} ({s.count})
                    </strong>
                  ) : (
                    <Link key={s.anchor} to={inboxHref(inbox, { article: a.slug, section: s.anchor })}>
                      {s.title} ({s.count})
                    </Link>
                  ),
                )}
                {a.wholeArticle ? <span>The whole article ({a.wholeArticle})</span> : null}
              </nav>
            ))
        : null}
    </>
  );
}

export default function AuthorInbox() {
  const { inbox, templates, isAdmin, sectionsToConfirm } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ComposerAnswer | undefined;
  return (
    <div className="moderation author">
      <h1>Unanswered questions</h1>
      <p className="moderation__counts">
        {inbox.total} waiting for your answer · <Link to="/author/insights">Where readers struggle</Link> ·{" "}
        <Link to="/author/templates">Reply templates</Link> · <Link to="/author/protected">Protected sources</Link>
        {sectionsToConfirm ? (
          <>
            {" "}
            · <Link to="/author/sections">Sections to confirm ({sectionsToConfirm})</Link>
          </>
        ) : null}
      </p>
      <InboxFilters inbox={inbox} />
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
                  {q.meToo > 0 ? (
                    <span className="queue-item__meta queue-item__wanted">
                      {q.meToo} {q.meToo === 1 ? "reader has" : "readers have"} this question too
                    </span>
                  ) : null}
                </header>
                <div className="prose post__body" dangerouslySetInnerHTML={{ __html: q.bodyHtml }} />
                {q.replies.length ? (
                  <details className="inbox-thread">
                    <summary>
                      {q.replyCount} {q.replyCount === 1 ? "reply" : "replies"} so far
                      {q.replyCount > q.replies.length ? ` (the latest ${q.replies.length} here)` : ""}
                    </summary>
                    <ol>
                      {q.replies.map((reply) => (
                        <li key={reply.id}>
                          <strong>{reply.writer}</strong>
                          <div className="prose post__body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
                        </li>
                      ))}
                    </ol>
                    {q.replyCount > q.replies.length ? (
                      <Link to={questionPath(q.article.slug, q.number!)}>All {q.replyCount} replies in the thread</Link>
                    ) : null}
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
