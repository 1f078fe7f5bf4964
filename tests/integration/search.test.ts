// Search and similar questions on the database's own full-text engine: what
// is found, what never is, and that the index follows every write at once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { moderate } from "~/moderation/moderate.server";
import { userWithSession } from "../support/users";
import {
  RANK_WINDOW,
  rebuildSearchIndex,
  refreshSearchStatistics,
  searchPosts,
  similarQuestions,
} from "~/search/search.server";
import { postgresLexemeOf, significantWords } from "~/search/terms";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { testProvider } from "../support/test-database";

let articleId: string;
const textOf = (pieces: { text: string }[]) => pieces.map((p) => p.text).join("");

beforeAll(async () => {
  await seed();
  articleId = (await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } })).id;
});

describe("search", () => {
  it("does not find a moderator's [EDITED FOR LENGTH] marker, only the writer's words", async () => {
    const { user: moderator } = await userWithSession("moderator");
    const post = await createPost({
      articleId,
      guestName: "Trimmed",
      body: "My kayak club meets on Sundays. We paddle for hours and talk about everything. Should I leave the club?",
      status: "published",
    });
    await moderate(moderator, "edit_length", post.id, {
      body: "My kayak club meets on Sundays. Should I leave the club?",
    });
    const stored = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(stored.bodySource).toContain("[EDITED FOR LENGTH]");
    expect((await searchPosts({ q: "edited for length" })).results.map((r) => r.id)).not.toContain(post.id);
    expect((await searchPosts({ q: "kayak club" })).results.map((r) => r.id)).toContain(post.id);
    // Nor do the words it cut, and nor after the index is built again.
    expect((await searchPosts({ q: "paddle" })).results.map((r) => r.id)).not.toContain(post.id);
    await rebuildSearchIndex();
    expect((await searchPosts({ q: "edited length" })).results.map((r) => r.id)).not.toContain(post.id);
    expect((await searchPosts({ q: "kayak" })).results.map((r) => r.id)).toContain(post.id);
  });

  it("finds an answer by words of its body, in other forms, and highlights them", async () => {
    const found = await searchPosts({ q: "eat lunches with other people" });
    expect(found.total).toBe(1);
    const [answer] = found.results;
    expect(answer.isQuestion).toBe(false);
    expect(answer.byAuthor).toBe(true);
    expect(answer.href).toMatch(new RegExp(`^/articles/${DEMO_ARTICLE}/questions/\\d+#post-${answer.id}$`));
    expect(answer.excerpt.filter((p) => p.match).map((p) => p.text)).toEqual(
      expect.arrayContaining(["eat", "lunch", "people"]),
    );
  });

  it("needs every word, ranks, pages and filters by article and section", async () => {
    const all = await searchPosts({ q: "day" });
    expect(all.total).toBeGreaterThan(10);
    expect(all.results).toHaveLength(10);
    const second = await searchPosts({ q: "day", page: 2 });
    expect(second.results.map((r) => r.id)).not.toEqual(expect.arrayContaining(all.results.map((r) => r.id)));
    expect(second.page).toBe(2);
    // A page past the end shows the last one.
    const past = await searchPosts({ q: "day", page: 99 });
    expect(past.page).toBe(all.pageCount);
    expect(past.results.length).toBeGreaterThan(0);

    const howTo = await searchPosts({ q: "day", article: "how-to-plan-a-month-of-no-contact" });
    expect(howTo.total).toBeGreaterThan(0);
    expect(howTo.results.every((r) => r.article.slug === "how-to-plan-a-month-of-no-contact")).toBe(true);
    const section = await searchPosts({ q: "stories", article: DEMO_ARTICLE, section: "what-it-asks" });
    expect(section.total).toBeGreaterThan(0);
    expect(section.results.every((r) => r.section === section.results[0].section)).toBe(true);
    expect((await searchPosts({ q: "stories", article: DEMO_ARTICLE, section: "how-long" })).total).toBe(0);
    expect((await searchPosts({ q: "blocking muting zebra" })).total).toBe(0);
  });

  it("never finds a post readers cannot see, nor a reply in a thread they cannot see", async () => {
    const word = "quokkaesque";
    const hidden: { id: number }[] = [];
    for (const status of ["pending", "rejected", "spam", "deleted"] as const) {
      hidden.push(await createPost({ articleId, body: `A ${word} ${status} question`, guestName: "Hid", status }));
    }
    const shownQuestion = await createPost({
      articleId,
      body: `A ${word} question`,
      guestName: "Vis",
      status: "published",
    });
    // A published reply under a question that was later rejected.
    const root = await createPost({ articleId, body: "Root to reject", guestName: "R", status: "published" });
    await createPost({ articleId, parentId: root.id, body: `A ${word} reply`, guestName: "Rep", status: "published" });
    await db.post.update({ where: { id: root.id }, data: { status: "rejected" } });

    const found = await searchPosts({ q: word });
    expect(found.results.map((r) => r.id)).toEqual([shownQuestion.id]);
    const like = await similarQuestions(`${word} pending question rejected spam`, { articleId });
    expect(like.map((r) => r.id).filter((id) => hidden.some((h) => h.id === id))).toEqual([]);
  });

  it("ranks a word found in many posts among its newest, and says there are more", async () => {
    const word = "zeppelinish";
    const last = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { lastQuestionNumber: true } });
    const count = RANK_WINDOW + 5;
    await db.post.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        articleId,
        number: last.lastQuestionNumber + 1 + i,
        guestName: `Many ${i}`,
        bodySource: i === 0 ? `The oldest ${word} ${word} ${word} question` : `A ${word} question, number ${i}`,
        bodyHtml: `<p>A ${word} question</p>`,
        status: "published",
        publishedAt: new Date(),
      })),
    });
    await db.article.update({ where: { id: articleId }, data: { lastQuestionNumber: { increment: count } } });
    await refreshSearchStatistics();
    const many = await searchPosts({ q: word });
    expect(many.total).toBe(RANK_WINDOW);
    expect(many.more).toBe(true);
    expect(many.pageCount).toBe(RANK_WINDOW / 10);
    // The oldest, though it holds the word most often, is beyond the window.
    const last30 = await searchPosts({ q: word, page: many.pageCount });
    expect(last30.results.some((r) => r.excerpt.some((p) => p.text.includes("oldest")))).toBe(false);
    // A word in fewer posts is counted exactly.
    const few = await searchPosts({ q: `${word} oldest` });
    expect([few.total, few.more]).toEqual([1, false]);
  });

  it("follows an edit and a removal in the same transaction", async () => {
    const post = await createPost({ articleId, body: "The wombatlike silence", guestName: "E", status: "published" });
    expect((await searchPosts({ q: "wombatlike" })).total).toBe(1);
    await db.$transaction(async (tx) => {
      await tx.post.update({ where: { id: post.id }, data: { bodySource: "The platypoid silence" } });
      // Inside the transaction, the index already answers for the new text.
      const rows = await tx.post.count({ where: { id: post.id } });
      expect(rows).toBe(1);
    });
    expect((await searchPosts({ q: "wombatlike" })).total).toBe(0);
    expect((await searchPosts({ q: "platypoid" })).total).toBe(1);
    await db.post.update({ where: { id: post.id }, data: { status: "deleted" } });
    expect((await searchPosts({ q: "platypoid" })).total).toBe(0);
    // A rebuild from the posts' text finds the same.
    await rebuildSearchIndex();
    expect((await searchPosts({ q: "platypoid" })).total).toBe(0);
    expect((await searchPosts({ q: "eat lunches with other people" })).total).toBe(1);
  });

  it("answers odd and hostile queries without error", async () => {
    for (const q of [
      "",
      " ",
      '"',
      "'",
      "OR",
      "NOT NOT",
      "a* OR b",
      "contact NEAR(x y)",
      "col:contact",
      "^contact",
      "'contact' & !'x' | <->",
      "\u0000contact",
      "😀😀 contact 💔",
      "x".repeat(100_000),
      "contact ".repeat(5_000),
      "((((((",
      "\\",
    ]) {
      const result = await searchPosts({ q });
      expect(result.total).toBeGreaterThanOrEqual(0);
      await similarQuestions(q, { articleId });
      await similarQuestions(q, { articleId: null });
    }
    expect((await searchPosts({ q: "?!" })).nothingToSearch).toBe(true);
    expect((await searchPosts({ q: "\u0000contact" })).total).toBe((await searchPosts({ q: "contact" })).total);
  });
});

describe("similar questions", () => {
  it("suggests the published question a reader rephrases, with what the reader needs to judge it", async () => {
    const [first] = await similarQuestions(
      "Is watching his Instagram stories breaking no contact? He sees I viewed them.",
      {
        articleId,
      },
    );
    expect(textOf(first.excerpt)).toMatch(/^Does looking at her stories count as breaking no contact/);
    expect(first).toMatchObject({ isQuestion: true, authorAnswered: true, section: expect.any(String) });
    expect(first.number).toBeGreaterThan(0);
    expect(first.name).not.toBe("");
  });

  it("leaves out the question itself and suggests nothing for a question like no other", async () => {
    const [first] = await similarQuestions("Is blocking better than muting? Blocking feels dramatic.", {
      articleId: null,
    });
    expect(first.article.slug).toBe("how-to-plan-a-month-of-no-contact");
    expect(await similarQuestions("Is blocking better than muting?", { articleId: null, exclude: [first.id] })).toEqual(
      [],
    );
    expect(await similarQuestions("What colour should I paint the kitchen cupboards?", { articleId })).toEqual([]);
  });
});

describe("the questions' index", () => {
  it("holds the published questions exactly, through approval, edits, rejection and a rebuild", async () => {
    const question = await createPost({
      articleId,
      body: "Does a narwhalish silence count twice?",
      guestName: "Q",
      status: "pending",
    });
    const like = () => similarQuestions("narwhalish silence count twice", { articleId });
    expect(await like()).toEqual([]);
    await db.post.update({ where: { id: question.id }, data: { status: "published", number: 9_000 } });
    expect((await like()).map((s) => s.id)).toEqual([question.id]);
    await db.post.update({
      where: { id: question.id },
      data: { bodySource: "Does a narwhalish silence count thrice?" },
    });
    expect((await similarQuestions("narwhalish silence count thrice", { articleId })).map((s) => s.id)).toEqual([
      question.id,
    ]);
    await db.post.update({ where: { id: question.id }, data: { status: "rejected" } });
    expect(await similarQuestions("narwhalish silence count thrice", { articleId })).toEqual([]);
    await db.post.update({ where: { id: question.id }, data: { status: "published" } });
    await rebuildSearchIndex();
    expect((await similarQuestions("narwhalish silence count thrice", { articleId })).map((s) => s.id)).toEqual([
      question.id,
    ]);
  });
});

describe("PostgreSQL's word statistics", () => {
  it.runIf(testProvider() === "postgresql")(
    "are read by the stems PostgreSQL gives every word of the demo",
    async () => {
      const posts = await db.post.findMany({ select: { bodySource: true } });
      const words = [...new Set(posts.flatMap((p) => significantWords(p.bodySource, Infinity)))];
      expect(words.length).toBeGreaterThan(300);
      const rows = await db.$queryRawUnsafe<{ word: string; lexeme: string | null }[]>(
        `SELECT w AS "word", (ts_lexize('english_stem', w))[1] AS "lexeme" FROM unnest($1::text[]) AS w`,
        words,
      );
      const differ = rows.filter((r) => r.lexeme !== null && r.lexeme !== postgresLexemeOf(r.word));
      expect(differ).toEqual([]);
    },
  );
});
