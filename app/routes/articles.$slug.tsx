import type { ShouldRevalidateFunction } from "@remix-run/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getArticlePage } from "~/articles/article-page.server";
import { articleVersion, cachedByVersion, hasPersonalCookies, sharedPageData } from "~/articles/page-cache.server";
import { SORTS, SORT_LABELS, parseSort } from "~/articles/listing";
import { PostForm, RefusedReply } from "~/components/post-form";
import { PostThread, type ThreadContext } from "~/components/post-thread";
import { postAction } from "~/posts/post-action.server";
import { readerPage, replyToParam } from "~/posts/reader-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `${data.article.title} — Afterword` }, { name: "description", content: data.article.description }]
    : [{ title: "Not found — Afterword" }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const slug = params.slug ?? "";
  const pageNumber = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const query = {
    sort: parseSort(url.searchParams.get("sort")),
    page: Number.isFinite(pageNumber) ? pageNumber : 1,
    section: url.searchParams.get("section"),
  };
  const reader = await readerPage(request);
  const ask = url.searchParams.get("ask");
  const replyTo = replyToParam(url);

  if (!hasPersonalCookies(request) && !replyTo && !ask) {
    // Nothing personal on this page: the one copy every reader of this version shares.
    const version = await articleVersion(slug);
    if (!version) throw new Response("Not found", { status: 404 });
    const key = `${slug}?${query.sort}&${query.page}&${query.section ?? ""}`;
    const page = await cachedByVersion(key, version, async () => {
      const article = await getArticlePage(slug, query);
      return article && { ...article, replyTo: null, askSection: "suggest", guestName: null };
    });
    if (!page) throw new Response("Not found", { status: 404 });
    return data(sharedPageData(request, page) as typeof page, { headers: reader.headers });
  }

  const article = await getArticlePage(slug, query, reader.viewer);
  if (!article) throw new Response("Not found", { status: 404 });
  return data(
    {
      ...article,
      replyTo,
      askSection: ask && article.sections.some((s) => s.anchor === ask) ? ask : "suggest",
      guestName: reader.guestName,
    },
    { headers: reader.headers },
  );
}

// A refused post keeps the page as it was, so the form and its text stay where the reader left them.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? false : defaultShouldRevalidate;

export async function action({ request, params, context }: ActionFunctionArgs) {
  return postAction(request, params.slug, context);
}

function listHref(slug: string, params: { sort?: string; section?: string | null; page?: number }) {
  const search = new URLSearchParams();
  if (params.section) search.set("section", params.section);
  if (params.sort && params.sort !== "oldest") search.set("sort", params.sort);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return `/articles/${slug}${query ? `?${query}` : ""}#questions`;
}

export default function ArticlePage() {
  const data = useLoaderData<typeof loader>();
  const { article, sections, threads } = data;
  const section = data.filter?.anchor ?? null;
  // Asking from a section's list of questions asks about that section.
  const askSection = data.askSection !== "suggest" ? data.askSection : (section ?? "suggest");
  const context: ThreadContext = { articleSlug: article.slug, replyTo: data.replyTo, guestName: data.guestName };
  return (
    <div className="article-layout">
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
        <div className="prose article__body" dangerouslySetInnerHTML={{ __html: article.introHtml }} />
        {sections.map((s) => (
          <section key={s.anchor} className="article__section" aria-labelledby={s.anchor}>
            <div className="prose" dangerouslySetInnerHTML={{ __html: s.html }} />
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

      <section id="questions" className="questions" aria-labelledby="questions-title">
        <h2 id="questions-title">
          {data.filter ? (
            <>
              {data.filter.questionCount} {data.filter.questionCount === 1 ? "question" : "questions"} about “
              {data.filter.title}”
            </>
          ) : (
            <>
              {data.questionCount} {data.questionCount === 1 ? "question" : "questions"} on “{article.title}”
            </>
          )}
        </h2>
        {data.filter ? (
          <p className="filter-note">
            Showing questions about <a href={`#${data.filter.anchor}`}>{data.filter.title}</a> ·{" "}
            <Link to={listHref(article.slug, { sort: data.sort })}>show all {data.questionCount}</Link>
          </p>
        ) : null}
        <section id="ask" className="ask" aria-labelledby="ask-title">
          <h3 id="ask-title">Ask a question</h3>
          <PostForm
            key={askSection}
            kind="ask"
            sections={sections.map((s) => ({ anchor: s.anchor, title: s.title }))}
            defaultSection={askSection}
            guestName={data.guestName}
          />
        </section>
        {data.pendingQuestions.length > 0 ? (
          <section className="pending-questions" aria-label="Your questions awaiting moderation">
            <ol className="threads">
              {data.pendingQuestions.map((thread) => (
                <PostThread key={thread.id} thread={thread} context={context} />
              ))}
            </ol>
          </section>
        ) : null}
        <nav className="sort-links" aria-label="Sort questions">
          <span>Sort:</span>
          {SORTS.map((sort) =>
            sort === data.sort ? (
              <span key={sort} aria-current="true" className="sort-links__current">
                {SORT_LABELS[sort]}
              </span>
            ) : (
              <Link key={sort} to={listHref(article.slug, { sort, section })}>
                {SORT_LABELS[sort]}
              </Link>
            ),
          )}
        </nav>
        {threads.length === 0 ? (
          <p className="empty">No questions here yet.</p>
        ) : (
          <ol className="threads">
            {threads.map((thread) => (
              <PostThread key={thread.id} thread={thread} context={context} />
            ))}
          </ol>
        )}
        {data.pageCount > 1 ? (
          <nav className="pagination" aria-label="Pages of questions">
            {data.page > 1 ? (
              <Link rel="prev" to={listHref(article.slug, { sort: data.sort, section, page: data.page - 1 })}>
                ← Earlier page
              </Link>
            ) : null}
            <ol>
              {Array.from({ length: data.pageCount }, (_, i) => i + 1).map((n) => (
                <li key={n}>
                  {n === data.page ? (
                    <span aria-current="page">{n}</span>
                  ) : (
                    <Link to={listHref(article.slug, { sort: data.sort, section, page: n })}>{n}</Link>
                  )}
                </li>
              ))}
            </ol>
            {data.page < data.pageCount ? (
              <Link rel="next" to={listHref(article.slug, { sort: data.sort, section, page: data.page + 1 })}>
                Next page →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
