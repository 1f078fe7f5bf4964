// The parts of the article page that differ from reader to reader: the forms
// (a guest's name, a signed-in reader's account), the reader's own questions
// awaiting moderation, and the threads they have posts in. The page renders
// them, and so does the server when it makes a reader's page from the page
// kept for everyone (app/article-page/personal-page.server.tsx): the same
// components with the same data give the same bytes.
import type { ArticlePage } from "~/articles/article-page.server";
import { FollowArticle } from "~/components/follow-article";
import { PostForm } from "~/components/post-form";
import { PostThread, type ThreadContext } from "~/components/post-thread";

/** The article page's data as the browser gets it. */
export type ArticlePageData = ArticlePage & { replyTo: number | null; askSection: string; guestName: string | null };

export function threadContext(data: ArticlePageData): ThreadContext {
  return { articleSlug: data.article.slug, replyTo: data.replyTo, guestName: data.guestName };
}

/** Ask a question, and follow the author's answers by email. */
export function QuestionForms({ data }: { data: ArticlePageData }) {
  const { article, sections } = data;
  // Asking from a section's list of questions asks about that section.
  const askSection = data.askSection !== "suggest" ? data.askSection : (data.filter?.anchor ?? "suggest");
  return (
    <>
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
      <FollowArticle authorName={article.authorName} slug={article.slug} returnTo={`/articles/${article.slug}`} />
    </>
  );
}

/** The reader's own questions awaiting moderation, above the list (nothing for anyone else). */
export function PendingQuestions({ data }: { data: ArticlePageData }) {
  if (data.pendingQuestions.length === 0) return null;
  const context = threadContext(data);
  return (
    <section className="pending-questions" aria-label="Your questions awaiting moderation">
      <ol className="threads">
        {data.pendingQuestions.map((thread) => (
          <PostThread key={thread.id} thread={thread} context={context} />
        ))}
      </ol>
    </section>
  );
}
