// /embed/articles/:slug — an article's questions as another site's page shows
// them in a frame (embed.js): the sections to choose from, then the article
// page's own questions, forms and threads. The same loader and action as the
// article page, so that posting here keeps every rule of posting there; a
// page with nothing personal on it is kept and served like the article page.
import type { ShouldRevalidateFunction } from "@remix-run/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useFrame } from "~/components/frame";
import { RefusedReply } from "~/components/post-form";
import { listHref } from "~/components/questions-nav";
import { QuestionsSection } from "~/components/questions-section";
import { postAction } from "~/posts/post-action.server";
import { loadArticlePage } from "./articles.$slug/data.server";

export const handle = { frame: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Questions on ${data.article.title} — Afterword` : "Not found — Afterword" },
];

export const loader = loadArticlePage;

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? false : defaultShouldRevalidate;

export async function action({ request, params, context }: ActionFunctionArgs) {
  return postAction(request, params.slug, context);
}

export default function FramedQuestions() {
  const data = useLoaderData<typeof loader>();
  const { href } = useFrame();
  const current = data.filter?.anchor ?? null;
  return (
    <>
      <RefusedReply />
      {data.sections.length > 0 ? (
        <nav className="frame-sections" aria-label="Questions by section">
          <ul>
            <li>
              {current ? (
                <Link to={href(listHref(data.article.slug, { sort: data.sort }))}>All ({data.questionCount})</Link>
              ) : (
                <span aria-current="true">All ({data.questionCount})</span>
              )}
            </li>
            {data.sections.map((s) => (
              <li key={s.anchor}>
                {s.anchor === current ? (
                  <span aria-current="true">
                    {s.title} ({s.questionCount})
                  </span>
                ) : (
                  <Link to={href(listHref(data.article.slug, { section: s.anchor, sort: data.sort }))}>
                    {s.title} ({s.questionCount})
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <QuestionsSection data={data} />
    </>
  );
}
