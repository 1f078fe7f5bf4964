import type { ShouldRevalidateFunction } from "@remix-run/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OldCommentAnchor } from "~/components/old-comment-anchor";
import { RefusedReply } from "~/components/post-form";
import { QuestionsSection } from "~/components/questions-section";
import { listHref } from "~/components/questions-nav";
import { postAction } from "~/posts/post-action.server";
import { loadArticlePage } from "./data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.article.title} — Afterword` },
        { name: "description", content: data.article.description },
        {
          tagName: "link",
          rel: "alternate",
          type: "application/atom+xml",
          title: `${data.article.authorName}’s answers on “${data.article.title}”`,
          href: `/articles/${data.article.slug}/answers.atom`,
        },
      ]
    : [{ title: "Not found — Afterword" }];

export const loader = loadArticlePage;

// A refused post keeps the page as it was, so the form and its text stay where the reader left them.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? false : defaultShouldRevalidate;

export async function action({ request, params, context }: ActionFunctionArgs) {
  return postAction(request, params.slug, context);
}

export default function ArticlePage() {
  const data = useLoaderData<typeof loader>();
  const { article, sections } = data;
  return (
    <div className="article-layout">
      <OldCommentAnchor slug={article.slug} />
      <RefusedReply />
      <article className="article" aria-labelledby="article-title">
        <header className="article__header">
          <h1 id="article-title">{article.title}</h1>
          <p className="article__byline">
            By <span className="article__author">{article.authorName}</span> ·{" "}
            <time dateTime={article.published.iso}>{article.published.text}</time> ·{" "}
            <a href="#questions">
              {data.questionCount} {data.questionCount === 1 ? "question" : "questions"}
            </a>
          </p>
        </header>
        {sections.length > 0 ? (
          <nav className="toc" aria-label="Contents">
            <h2 className="toc__title">Contents</h2>
            <ol>
              {sections.map((s) => (
                <li key={s.anchor}>
                  <a href={`#${s.anchor}`}>{s.title}</a>
                </li>
              ))}
              <li>
                <a href="#questions">Reader questions ({data.questionCount})</a>
              </li>
            </ol>
          </nav>
        ) : null}
        {article.url ? (
          <p className="article__elsewhere">
            This article is on its own site: <a href={article.url}>read it there</a>. Its reader questions are here, and
            under the article.
          </p>
        ) : null}
        <div className="prose article__body" dangerouslySetInnerHTML={{ __html: article.introHtml }} />
        {sections.map((s) => (
          <section key={s.anchor} className="article__section" aria-labelledby={s.anchor}>
            {/* A section of an article on another site is a heading there, with no text here. */}
            {s.html ? (
              <div className="prose" dangerouslySetInnerHTML={{ __html: s.html }} />
            ) : (
              <h2 id={s.anchor}>{s.title}</h2>
            )}
            <p className="section-questions">
              <Link to={listHref(article.slug, { section: s.anchor })}>
                {s.questionCount} {s.questionCount === 1 ? "question" : "questions"} about this section
              </Link>
              <Link to={`?ask=${s.anchor}#ask`} preventScrollReset={false}>
                Ask about this section<span className="visually-hidden">: {s.title}</span>
              </Link>
            </p>
          </section>
        ))}
        {article.footnotesHtml ? (
          <div className="prose article__footnotes" dangerouslySetInnerHTML={{ __html: article.footnotesHtml }} />
        ) : null}
      </article>

      <QuestionsSection data={data} />
    </div>
  );
}
