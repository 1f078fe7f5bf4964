// The author's picture of each article: where readers ask most, how soon
// they get a first answer, and how long the open questions have waited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { AUTHORS } from "~/model/roles";
import { getInsights } from "~/author/insights.server";
import { BackLink } from "~/components/back-link";
import {
  FirstAnswerChart,
  FirstAnswerTable,
  SectionChart,
  SectionTable,
  WaitingChart,
  WaitingTable,
} from "~/components/insight-charts";

export const meta: MetaFunction = () => [{ title: "Where readers struggle — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, AUTHORS);
  return { articles: await getInsights(actor) };
}

export default function Insights() {
  const { articles } = useLoaderData<typeof loader>();
  return (
    <div className="moderation author insights">
      <BackLink to="/author">Back to unanswered questions</BackLink>
      <h1>Where readers struggle</h1>
      <p>A section with many questions is where the article is least clear. Each bar opens that section’s questions.</p>
      {articles.length === 0 ? <p className="empty">None of your articles has questions yet.</p> : null}
      {articles.map((a) => (
        <section key={a.slug} aria-labelledby={`insights-${a.slug}`} className="insights__article">
          <h2 id={`insights-${a.slug}`}>
            <Link to={`/articles/${a.slug}`}>{a.title}</Link>
          </h2>
          <p>
            {a.questions} {a.questions === 1 ? "question" : "questions"} · {a.open} open
          </p>
          <h3>Questions per section</h3>
          <div className="insights__pair">
            <SectionChart slug={a.slug} sections={a.sections} />
            <SectionTable slug={a.slug} sections={a.sections} caption={`Questions per section of “${a.title}”`} />
          </div>
          <h3>Median time to your first answer, week by week</h3>
          <div className="insights__pair">
            <FirstAnswerChart weeks={a.weeks} />
            <FirstAnswerTable
              weeks={a.weeks}
              caption={`Median time to the first answer on “${a.title}”, by week asked`}
            />
          </div>
          <h3>Open questions by how long they have waited</h3>
          <div className="insights__pair">
            <WaitingChart waiting={a.waiting} />
            <WaitingTable waiting={a.waiting} caption={`Open questions on “${a.title}” by time waited`} />
          </div>
        </section>
      ))}
    </div>
  );
}
