import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listArticles } from "~/articles/article-page.server";
import { legacyArticlePath } from "~/content/legacy-paths.server";

export const meta: MetaFunction = () => [
  { title: "Afterword — articles and reader questions" },
  { name: "description", content: "Long-form articles with moderated reader questions, answered by their authors." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // An imported WordPress site's "/?p=123" lands on the article it became.
  const url = new URL(request.url);
  if (url.searchParams.has("p") || url.searchParams.has("page_id")) {
    const target = await legacyArticlePath(url);
    if (target) return redirect(target, 301);
  }
  return { articles: await listArticles() };
}

export default function Index() {
  const { articles } = useLoaderData<typeof loader>();
  return (
    <div className="article-list">
      <h1>Articles</h1>
      {articles.length === 0 ? (
        <p>No articles yet. Add Markdown files to content/articles and run npm run content:sync.</p>
      ) : (
        <ul>
          {articles.map((article) => (
            <li key={article.slug} className="article-card">
              <h2>
                <Link to={`/articles/${article.slug}`}>{article.title}</Link>
              </h2>
              {article.description ? <p className="article-card__description">{article.description}</p> : null}
              <p className="article-card__meta">
                By {article.authorName} · <time dateTime={article.published.iso}>{article.published.text}</time> ·{" "}
                {article.readingMinutes} min read ·{" "}
                <Link to={`/articles/${article.slug}#questions`}>
                  {article.questionCount} {article.questionCount === 1 ? "question" : "questions"}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
