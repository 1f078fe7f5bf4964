// /search?q= — published questions and answers of every article, best first,
// with the words found highlighted; narrowed by article and section; a plain
// GET form, so it works the same with JavaScript or without.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Excerpt } from "~/components/similar-questions";
import { PageLinks } from "~/components/page-links";
import { MAX_QUERY_LENGTH } from "~/search/terms";
import { RANK_WINDOW, searchFilters, searchPosts } from "~/search/search.server";
import { pageParam } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.q ? `“${data.q}” — Search — Afterword` : "Search — Afterword" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const page = pageParam(params.get("page"));
  const articles = await searchFilters();
  // An article or section that is not (or no longer) there searches everywhere rather than failing.
  const article = articles.find((a) => a.slug === params.get("article")) ?? null;
  const section = article?.sections.find((s) => s.anchor === params.get("section")) ?? null;
  const result = q.trim() ? await searchPosts({ q, article: article?.slug, section: section?.anchor, page }) : null;
  return { q, article: article?.slug ?? "", section: section?.anchor ?? "", articles, result, ranked: RANK_WINDOW };
}

export default function SearchPage() {
  const { q, article, section, articles, result, ranked } = useLoaderData<typeof loader>();
  // With JavaScript, the sections follow the article chosen at once; without, after searching.
  const [chosen, choose] = useState(article);
  useEffect(() => choose(article), [article]);
  const sections = articles.find((a) => a.slug === chosen)?.sections ?? [];
  const searching = useNavigation().location?.pathname === "/search";
  return (
    <div className="search-page">
      <h1>Search questions and answers</h1>
      <Form method="get" action="/search" className="search-form" role="search">
        <div className="field search-form__query">
          <label htmlFor="search-q">Words to find</label>
          <input id="search-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
        </div>
        <div className="field">
          <label htmlFor="search-article">Article</label>
          <select
            id="search-article"
            name="article"
            value={chosen}
            onChange={(event) => choose(event.currentTarget.value)}
          >
            <option value="">Every article</option>
            {articles.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
        {sections.length > 0 ? (
          <div className="field">
            <label htmlFor="search-section">Section</label>
            <select key={chosen} id="search-section" name="section" defaultValue={chosen === article ? section : ""}>
              <option value="">Every section</option>
              {sections.map((s) => (
                <option key={s.anchor} value={s.anchor}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button button--primary" disabled={searching}>
          Search
        </button>
      </Form>
      {chosen ? null : <p className="form-note">Choose an article to narrow the search to one of its sections.</p>}

      {result === null ? (
        <p className="empty">Type the words you are looking for: every published question and answer is searched.</p>
      ) : result.nothingToSearch ? (
        <p className="empty" role="status">
          There is nothing to search for in “{q}”. Try the words that matter, such as “blocking” or “first week”.
        </p>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {result.total === 0
              ? `Nothing found for “${q.trim()}”`
              : `${result.more ? `More than ${result.total.toLocaleString("en-US")}` : result.total} ${result.total === 1 && !result.more ? "result" : "results"} for “${q.trim()}”`}
          </h2>
          {result.more && result.total > 0 ? (
            <p className="form-note">
              The newest {ranked.toLocaleString("en-US")} posts holding these words are ranked and shown. Add a word
              {article ? "" : ", or choose an article,"} to narrow the search.
            </p>
          ) : null}
          {result.total === 0 ? (
            <p className="empty">
              Every word has to appear in a question or answer. Try fewer words
              {article ? ", or every article" : ""}.
            </p>
          ) : null}
          <ol className="search-results">
            {result.results.map((r) => (
              <li key={r.id} className="search-result">
                <p className="search-result__title">
                  <Link to={r.href}>
                    {r.isQuestion ? `Question #${r.number}` : `Answer in question #${r.number}`} by {r.name}
                  </Link>
                  {r.byAuthor ? <span className="badge badge--author">Post author</span> : null}
                </p>
                <p className="search-result__meta">
                  {r.article.title}
                  {r.section ? ` · ${r.section}` : ""}
                  {r.isQuestion && r.authorAnswered ? " · Answered by the author" : ""}
                </p>
                <p className="search-result__excerpt">
                  <Excerpt pieces={r.excerpt} />
                </p>
              </li>
            ))}
          </ol>
          <PageLinks page={result.page} pageCount={result.pageCount} label="Pages of results" ranked />
        </section>
      )}
    </div>
  );
}
