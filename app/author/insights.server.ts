// What /author/insights shows for each of the actor's articles (every article
// for moderators and admins): the facts of its published questions, read in
// three queries whatever the number of articles and posts, and turned into
// the charts' numbers by app/author/insights.ts.
import { type Actor, articlesOf } from "~/model/roles";
import {
  type QuestionFacts,
  type SectionBar,
  type WeekPoint,
  firstAnswerByWeek,
  openByWait,
  questionsBySection,
} from "~/author/insights";
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";

export type ArticleInsights = {
  slug: string;
  title: string;
  questions: number;
  open: number;
  sections: SectionBar[];
  weeks: WeekPoint[];
  waiting: { label: string; count: number }[];
};

export async function getInsights(actor: Actor, now = new Date()): Promise<ArticleInsights[]> {
  const articles = await db.article.findMany({
    where: articlesOf(actor),
    orderBy: { publishedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      authorId: true,
      sections: {
        where: { removedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, anchor: true, title: true },
      },
    },
  });
  const ids = articles.map((a) => a.id);
  const authors = articles.map((a) => a.authorId).filter((id): id is string => id !== null);
  const [questions, firstAnswers] = await Promise.all([
    db.post.findMany({
      where: { articleId: { in: ids }, parentId: null, status: VISIBLE_STATUS },
      select: {
        id: true,
        articleId: true,
        sectionId: true,
        authorAnswered: true,
        meTooCount: true,
        publishedAt: true,
        createdAt: true,
      },
    }),
    // Each thread's first published reply by each account that is an article's author.
    authors.length
      ? db.post.groupBy({
          by: ["articleId", "rootId", "userId"],
          where: { articleId: { in: ids }, rootId: { not: null }, status: VISIBLE_STATUS, userId: { in: authors } },
          _min: { publishedAt: true },
        })
      : Promise.resolve([]),
  ]);
  const authorOf = new Map(articles.map((a) => [a.id, a.authorId]));
  const firstAnswer = new Map<number, Date>();
  for (const row of firstAnswers) {
    if (row.rootId !== null && row.userId === authorOf.get(row.articleId) && row._min.publishedAt) {
      firstAnswer.set(row.rootId, row._min.publishedAt);
    }
  }
  return articles.map((article) => {
    const facts: QuestionFacts[] = questions
      .filter((q) => q.articleId === article.id)
      .map((q) => ({
        sectionId: q.sectionId,
        answered: q.authorAnswered,
        meToo: q.meTooCount,
        publishedAt: q.publishedAt ?? q.createdAt,
        firstAnswerAt: firstAnswer.get(q.id) ?? null,
      }));
    return {
      slug: article.slug,
      title: article.title,
      questions: facts.length,
      open: facts.filter((q) => !q.answered).length,
      sections: questionsBySection(article.sections, facts),
      weeks: firstAnswerByWeek(facts, now),
      waiting: openByWait(facts, now),
    };
  });
}
