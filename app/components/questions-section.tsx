// An article's reader questions: the ask form, the reader's own questions
// awaiting moderation, the sort links, one page of threads and the pages. The
// article page shows it under the article; a frame in another site's page
// (app/routes/embed.articles.$slug.tsx) shows it alone.
import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { type ArticlePageData, PendingQuestions, QuestionForms, threadContext } from "~/components/article-questions";
import { useFrame } from "~/components/frame";
import { RegionStart, useLeftOutThreads } from "~/components/page-regions";
import { PostThread } from "~/components/post-thread";
import { QUESTION_LIST, QuestionPages, SortLinks, listHref } from "~/components/questions-nav";

export function QuestionsSection({ data }: { data: ArticlePageData }) {
  const { article, threads } = data;
  const section = data.filter?.anchor ?? null;
  const context = threadContext(data);
  const reused = useLeftOutThreads();
  const { href, inFrame } = useFrame();
  return (
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
          Showing questions about{" "}
          {inFrame ? data.filter.title : <a href={`#${data.filter.anchor}`}>{data.filter.title}</a>} ·{" "}
          <Link to={href(listHref(article.slug, { sort: data.sort }))}>show all {data.questionCount}</Link>
        </p>
      ) : null}
      <RegionStart name="forms" />
      <QuestionForms data={data} />
      <RegionStart name="pending" />
      <PendingQuestions data={data} />
      <SortLinks slug={article.slug} current={data.sort} section={section} />
      {threads.length === 0 ? (
        <p className="empty" id={QUESTION_LIST}>
          No questions here yet.
        </p>
      ) : (
        <ol className="threads" id={QUESTION_LIST}>
          {threads.map((thread) => (
            <Fragment key={thread.id}>
              <RegionStart name={`thread:${thread.id}`} />
              {reused?.has(thread.id) ? null : <PostThread thread={thread} context={context} />}
            </Fragment>
          ))}
          <RegionStart name="/threads" />
        </ol>
      )}
      <QuestionPages
        slug={article.slug}
        sort={data.sort}
        section={section}
        page={data.page}
        pageCount={data.pageCount}
      />
    </section>
  );
}
