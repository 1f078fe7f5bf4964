import { beforeAll, describe, expect, it } from "vitest";
import { getArticlePage } from "~/articles/article-page.server";
import { checkAgainstSources } from "~/copyright/sources.server";
import { db } from "~/db.server";
import { addMark } from "~/posts/reader-marks.server";
import { createPost } from "~/posts/posts.server";
import { findQuestions, getInbox } from "~/author/inbox.server";
import { submitPost } from "~/posts/intake.server";
import { loader as articleLoader } from "~/routes/articles.$slug/route";
import { loader as homeLoader } from "~/routes/_index";
import { loader as threadLoader } from "~/routes/articles.$slug_.questions.$number";
import { fillTemplate, saveTemplate, unknownPlaceholders } from "~/templates/templates.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { demoProtectedText } from "../../scripts/seed/author-workspace";
import { refusalOf } from "../support/factories";

let article: { id: string; slug: string };
let nora: { id: string; role: string };
const SOURCE = demoProtectedText();
const sourceWords = SOURCE.split(/\s+/);

beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
  nora = await db.user.findUniqueOrThrow({
    where: { email: "nora@afterword.example" },
    select: { id: true, role: true },
  });
});

const authorAnswers = (parentId: number, body: string, role = "author", overrideReason = "") =>
  submitPost(
    article,
    { body, parentId: String(parentId), overrideReason },
    { userId: nora.id, role, guestKey: null, ipHash: null, formShownAt: null },
  );

describe("the copyright guard on posts", () => {
  it("blocks an author reply copying 12 words of a protected text, whatever the case, punctuation and quotes", async () => {
    const copied = sourceWords.slice(40, 52).join(" ");
    const disguised = `“${copied.toUpperCase().replace(/ /g, " , ").replace(/\./g, "")}”`;
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[5];
    const before = await db.post.count();
    const result = await authorAnswers(question.id, `Here is the idea: ${disguised} — good luck.`);
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { body: expect.stringMatching(/The Quiet Return/) },
    });
    if (result.ok) return;
    expect(result.copyright!.sources).toEqual(["The Quiet Return (course text, stand-in)"]);
    expect(result.copyright!.passages.join(" ").toLowerCase()).toContain(
      sourceWords[45].toLowerCase().replace(/[^a-z]/g, ""),
    );
    expect(await db.post.count()).toBe(before);
  });

  it("lets a reply that shares only common five-word phrases through", async () => {
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[6];
    const body =
      "The first week is hard for everyone, and the student in you will want to skip ahead. Keep a journal every evening if it helps, and walk without a phone.";
    const check = await checkAgainstSources(body);
    expect(check.blocked).toBe(false);
    expect((await authorAnswers(question.id, body)).ok).toBe(true);
  });

  it("holds a reader's post quoting the source, flagged 'protected text'", async () => {
    const body = `The course says: ${sourceWords.slice(100, 115).join(" ")}`;
    const result = await submitPost(
      article,
      { name: "Quoter", body, section: "article" },
      {
        userId: null,
        role: null,
        guestKey: "quoter",
        ipHash: null,
        formShownAt: Date.now() - 60_000,
      },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await db.post.findUniqueOrThrow({ where: { id: result.post.id } });
    expect(stored).toMatchObject({ status: "pending" });
    expect(stored.flags).toContain("protected-text");
  });

  it("lets an admin publish past the guard with a reason, recorded in the audit log", async () => {
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[7];
    const body = `Quoting for review: ${sourceWords.slice(200, 215).join(" ")}`;
    expect((await authorAnswers(question.id, body, "admin")).ok).toBe(false);
    const result = await authorAnswers(question.id, body, "admin", "Licensed quotation agreed with the course author");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const audit = await db.moderationAction.findFirstOrThrow({ where: { postId: result.post.id } });
    expect(audit).toMatchObject({
      action: "copyright_override",
      reason: "Licensed quotation agreed with the course author",
    });
  });

  it("never sends protected text in a public response", async () => {
    const request = (path: string) => new Request(`http://localhost${path}`, { headers: { Accept: "*/*" } });
    const page = (await getArticlePage(DEMO_ARTICLE))!;
    const responses: unknown[] = [
      await homeLoader({ request: request("/"), params: {}, context: {} }),
      ...(await Promise.all(
        ["oldest", "newest", "unanswered", "replies"].map(
          async (sort) =>
            (
              await articleLoader({
                request: request(`/articles/${DEMO_ARTICLE}?sort=${sort}`),
                params: { slug: DEMO_ARTICLE },
                context: {},
              })
            ).data,
        ),
      )),
      (
        await articleLoader({
          request: request("/articles/how-to-plan-a-month-of-no-contact"),
          params: { slug: "how-to-plan-a-month-of-no-contact" },
          context: {},
        })
      ).data,
      ...(await Promise.all(
        page.threads.map(
          async (t) =>
            (
              await threadLoader({
                request: request("/"),
                params: { slug: DEMO_ARTICLE, number: String(t.number) },
                context: {},
              })
            ).data,
        ),
      )),
    ];
    const text = JSON.stringify(responses).toLowerCase();
    // Any 8 words in a row of the source would show as one of its sentences' openings.
    for (const paragraph of SOURCE.split("\n\n").slice(0, 20)) {
      const phrase = paragraph.split(/\s+/).slice(2, 10).join(" ").toLowerCase();
      expect(text).not.toContain(phrase);
    }
    expect(text).not.toContain("quiet return (course text");
  });
});

describe("the inbox card", () => {
  it("shows the replies already in the thread, and what an answer can link to", async () => {
    const { getInbox } = await import("~/author/inbox.server");
    const nora = await db.user.findUniqueOrThrow({ where: { email: "nora@afterword.example" } });
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const question = await createPost({
      articleId: article.id,
      guestName: "Threaded",
      body: "A question readers already discussed",
      status: "published",
    });
    await createPost({
      articleId: article.id,
      parentId: question.id,
      guestName: "Helper",
      body: "Same here",
      status: "published",
    });
    const inbox = await getInbox({ id: nora.id, role: "author" }, { page: 999 });
    const card = inbox.questions.find((q) => q.id === question.id)!;
    expect(card.replies.map((r) => r.writer)).toEqual(["Helper"]);
    expect(inbox.links[card.articleId].sections.map((s) => s.anchor)).toContain("how-long");
    // No card carries the article's questions: the composer finds one as the author types.
    expect(JSON.stringify(inbox.links)).not.toContain("asker");
    const actor = { id: nora.id, role: "author" };
    expect((await findQuestions(actor, DEMO_ARTICLE, "#2")).map((q) => q.number)).toEqual([2]);
    expect((await findQuestions(actor, DEMO_ARTICLE, "2")).map((q) => q.number)).toEqual([2]);
    const second = await getArticlePage(DEMO_ARTICLE);
    const words = (second!.threads[1].bodyHtml.replace(/<[^>]+>/g, "").match(/[A-Za-z]{6,}/g) ?? [])
      .slice(0, 3)
      .join(" ");
    expect((await findQuestions(actor, DEMO_ARTICLE, words)).map((q) => q.number)).toContain(second!.threads[1].number);
    expect(await findQuestions(actor, DEMO_ARTICLE, "#999999")).toEqual([]);
    // Another author's article gives nothing.
    expect(await findQuestions({ id: "someone-else", role: "author" }, DEMO_ARTICLE, "#2")).toEqual([]);
  });

  it("lists the most wanted open question first, then the longest waiting; newest and oldest on request", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const wanted = await createPost({
      articleId: article.id,
      guestName: "Wanted",
      body: "Is a birthday card during the silence a message?",
      status: "published",
    });
    for (const key of ["w1", "w2", "w3"]) {
      await addMark({ postId: wanted.id, kind: "me-too", marker: { userId: null, guestKey: key, ipHash: key } });
    }
    const actor = { id: nora.id, role: "author" };
    const first = await getInbox(actor);
    expect(first.sort).toBe("wanted");
    expect(first.questions[0]).toMatchObject({ id: wanted.id, meToo: 3 });
    const rest = first.questions.slice(1).filter((q) => q.meToo === 0);
    expect(rest.map((q) => q.id)).toEqual([...rest.map((q) => q.id)].sort((a, b) => a - b));
    const newest = await getInbox(actor, { sort: "newest" });
    expect(newest.questions[0].id).toBeGreaterThan(newest.questions[1].id);
    const oldest = await getInbox(actor, { sort: "oldest" });
    expect(oldest.questions[0].id).toBeLessThan(oldest.questions[1].id);
    // The filters name the article.
    const filtered = await getInbox(actor, { article: DEMO_ARTICLE, section: "how-long" });
    expect(filtered.filter).toMatchObject({ article: { slug: DEMO_ARTICLE }, section: { anchor: "how-long" } });
    expect(filtered.articles.find((a) => a.slug === DEMO_ARTICLE)?.title).toBe(article.title);
  });
});

describe("references and templates", () => {
  it("turns #number and §section into links labelled with the asker and the title, and refuses unknown ones", async () => {
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[8];
    const ok = await authorAnswers(question.id, "See #2 and the section §how-long, but not `#999` in code.");
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const stored = await db.post.findUniqueOrThrow({ where: { id: ok.post.id } });
    expect(stored.bodySource).toBe("See #2 and the section §how-long, but not `#999` in code.");
    expect(stored.bodyHtml).toContain(
      `<a href="/articles/${DEMO_ARTICLE}/questions/2" rel="nofollow ugc noopener noreferrer">Priya’s question (#2)</a>`,
    );
    expect(stored.bodyHtml).toContain(
      `<a href="/articles/${DEMO_ARTICLE}#how-long" rel="nofollow ugc noopener noreferrer">How long should no contact last?</a>`,
    );
    expect(stored.bodyHtml).toContain("<code>#999</code>");
    const before = await db.post.count();
    // Every bad reference is named at once.
    const both = await authorAnswers(question.id, "See #998, #999 and §nowhere.");
    expect(both).toMatchObject({
      ok: false,
      fieldErrors: { body: expect.stringMatching(/#998 and #999.*§nowhere/) },
    });
    expect(await authorAnswers(question.id, "See #999")).toMatchObject({
      ok: false,
      fieldErrors: { body: expect.stringMatching(/no published question #999/) },
    });
    expect(await authorAnswers(question.id, "See §nowhere")).toMatchObject({
      ok: false,
      fieldErrors: { body: expect.stringMatching(/no section §nowhere/) },
    });
    expect(await db.post.count()).toBe(before);
  });

  it("fills placeholders from an allowlist and refuses others", async () => {
    const filled = fillTemplate("Hi {{asker}}, see {{section}} in {{article}} and {{thread:3}}.", {
      asker: "Elena",
      articleTitle: "The Rule",
      sectionAnchor: "what-it-asks",
    });
    expect(filled).toBe("Hi Elena, see §what-it-asks in “The Rule” and #3.");
    expect(unknownPlaceholders("{{asker}} {{password}} {{thread:x}} {{section:1}} {{thread:12}} {{oops")).toEqual([
      "{{password}}",
      "{{thread:x}}",
      "{{section:1}}",
      "{{",
    ]);
    expect(
      await refusalOf(saveTemplate(nora.id, { name: "Bad", category: "", body: "Hello {{email}}" })),
    ).toMatchObject({
      status: 400,
      fields: { body: expect.stringMatching(/Only these placeholders/) },
    });
  });

  it("keeps the inbox to unanswered questions on the author's own articles", async () => {
    const inbox = await getInbox(nora);
    expect(inbox.total).toBeGreaterThan(0);
    const numbers = inbox.questions.map((q) => q.number);
    // Tomasz's question (1) has Nora's answer, so it is not in the inbox.
    expect(numbers).not.toContain(1);
    const stranger = await db.user.create({
      data: { email: "other-author@example.com", displayName: "Other", role: "author" },
    });
    expect((await getInbox({ id: stranger.id, role: "author" })).total).toBe(0);
  });
});
