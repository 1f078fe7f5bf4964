import { beforeAll, describe, expect, it } from "vitest";
import { getArticlePage } from "~/articles/article-page.server";
import { db } from "~/db.server";
import { ADDRESS_SHARE, NEW_VISITOR_FLAG, UNTIMED_FLAG, decidePost, submitPost } from "~/posts/intake.server";
import type { Visitor } from "~/auth/visitor.server";
import { setSetting } from "~/settings/settings.server";
import { userWithSession } from "../support/users";
import { action as articleAction } from "~/routes/articles.$slug/route";
import { formShownCookie } from "~/security/cookies.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { guestVisitor } from "../support/factories";

let article: { id: string; slug: string };
/** A new guest who opened the form a minute ago. */
// No address unless a test gives one: the limits by address are tested on their own.
const guest = (over: Partial<Visitor> = {}) => guestVisitor({ ipHash: null, ...over });
const ask = (body: string, more: Record<string, string> = {}) => ({
  name: "Reader",
  body,
  section: "suggest",
  ...more,
});
const postCount = () => db.post.count();

beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
});

describe("section suggestion", () => {
  it("files a question under the section whose words it uses, marked as suggested", async () => {
    const cases: [string, string][] = [
      [
        "We share a lease and a dog, and I have to collect my belongings from the flat. How do I do it?",
        "unavoidable-contact",
      ],
      ["How many days should the silence last before I count it as done?", "how-long"],
      ["I keep checking her profile late at night and want to message her. How do I get through it?", "hard-days"],
    ];
    for (const [body, anchor] of cases) {
      const result = await submitPost(article, ask(body), guest());
      expect(result.ok, body).toBe(true);
      if (!result.ok) continue;
      expect(result.suggestedSection?.anchor).toBe(anchor);
      const stored = await db.post.findUniqueOrThrow({ where: { id: result.post.id }, include: { section: true } });
      expect(stored.section?.anchor).toBe(anchor);
      expect(stored.sectionSuggested).toBe(true);
      expect(stored.status).toBe("pending");
    }
  });

  it("leaves a question on the whole article when its words match no section", async () => {
    const result = await submitPost(article, ask("Thank you so much, lovely writing!"), guest());
    expect(result.ok && result.suggestedSection).toBeNull();
  });

  it("keeps a section the reader chose", async () => {
    const result = await submitPost(article, ask("Days and days and days?", { section: "hard-days" }), guest());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.post.sectionSuggested).toBe(false);
  });
});

describe("deciding apart from writing", () => {
  it("says what happens to a post and why, writing nothing", async () => {
    const before = await postCount();
    const { user: moderator } = await userWithSession("moderator");
    const staff = { ...guest(), userId: moderator.id, role: "moderator", guestKey: null };
    const published = await decidePost(article, ask("How long should the silence last, in your experience?"), staff);
    expect(published.ok && [published.status, published.held]).toEqual(["published", []]);

    // A guest's question waits for a moderator (the "first post" mode); one sent without the form's time also says so.
    const untimed = await decidePost(
      article,
      ask("How long should the silence last, in your experience?"),
      guest({ formShownAt: null }),
    );
    expect(untimed.ok && [untimed.status, untimed.held]).toEqual(["pending", ["moderation mode", "form time unknown"]]);
    expect(untimed.ok && untimed.flags).toContain(UNTIMED_FLAG);

    await setSetting("bannedWords", "casino");
    try {
      const banned = await decidePost(article, ask("Is a casino trip a good way to forget him, honestly?"), staff);
      // Staff are trusted with what they write; a reader's post with the word is held.
      expect(banned.ok && banned.status).toBe("published");
      await setSetting("moderationMode", "post");
      const reader = await decidePost(article, ask("Is a casino trip a good way to forget him, honestly?"), guest());
      expect(reader.ok && [reader.status, reader.held]).toEqual(["pending", ["banned word"]]);
    } finally {
      await setSetting("bannedWords", "");
      await setSetting("moderationMode", "first");
    }

    const refused = await decidePost(article, ask(""), guest());
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.fieldErrors.body).toMatch(/write something/);
    expect(await postCount()).toBe(before);
  });
});

describe("refusals", () => {
  it("limits a visitor to 5 posts in 10 minutes, across guest key and address", async () => {
    const visitor = guest({ ipHash: "address-1" });
    for (let i = 1; i <= 5; i++)
      expect((await submitPost(article, ask(`Question number ${i}`), visitor)).ok).toBe(true);
    const sixth = await submitPost(article, ask("Question number 6"), visitor);
    expect(sixth).toMatchObject({
      ok: false,
      status: 429,
      formError: expect.stringMatching(/5 times in the last 10 minutes/),
    });
    // A new cookie from the same address is another guest, with a limit of its own…
    const sameAddress = await submitPost(article, ask("Question number 7"), guest({ ipHash: "address-1" }));
    expect(sameAddress).toMatchObject({ ok: true });
    // …until the guests behind that address together reach ADDRESS_SHARE times the limit.
    for (let i = 0; i < 5 * ADDRESS_SHARE; i++)
      await submitPost(article, ask(`Shared question ${i}`), guest({ ipHash: "address-1" }));
    const crowded = await submitPost(article, ask("One more from the office"), guest({ ipHash: "address-1" }));
    expect(crowded).toMatchObject({ ok: false, status: 429 });
    // A signed-in reader at that address is counted by their account alone.
    const { user } = await userWithSession("reader");
    const reader = guest({ userId: user.id, role: "reader", guestKey: null, ipHash: "address-1" });
    expect((await submitPost(article, ask("From my account"), reader)).ok).toBe(true);
    // Posts older than the window no longer count.
    await db.post.updateMany({
      where: { guestKey: visitor.guestKey },
      data: { createdAt: new Date(Date.now() - 11 * 60_000) },
    });
    expect((await submitPost(article, ask("Question number 8"), visitor)).ok).toBe(true);
  });

  it("holds a rate limit above 200 posts", async () => {
    await setSetting("rateLimit", "250");
    const visitor = guest();
    await db.post.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        articleId: article.id,
        guestKey: visitor.guestKey,
        guestName: "Flood",
        bodySource: `flood ${i}`,
        bodyHtml: `<p>flood ${i}</p>`,
        status: "pending",
      })),
    });
    expect(await submitPost(article, ask("Number 251"), visitor)).toMatchObject({ ok: false, status: 429 });
    await setSetting("rateLimit", "5");
  });

  it("refuses the same text from the same visitor within a day, whatever the case and spacing", async () => {
    const visitor = guest();
    expect((await submitPost(article, ask("Is thirty days enough?"), visitor)).ok).toBe(true);
    const again = await submitPost(article, ask("  is THIRTY days   enough "), visitor);
    expect(again).toMatchObject({
      ok: false,
      status: 409,
      formError: expect.stringMatching(/already sent this same text/),
    });
    expect((await submitPost(article, ask("Is thirty days enough?"), guest())).ok).toBe(true);
    await db.post.updateMany({
      where: { guestKey: visitor.guestKey },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    expect((await submitPost(article, ask("Is thirty days enough?"), visitor)).ok).toBe(true);
  });

  it("refuses a filled honeypot and a form sent too fast, writing nothing", async () => {
    const before = await postCount();
    expect(await submitPost(article, ask("Buy now", { website: "http://spam.example" }), guest())).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(
      await submitPost(article, ask("A quick one, please"), guest({ formShownAt: Date.now() - 500 })),
    ).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/within a few seconds/),
    });
    expect(await postCount()).toBe(before);
  });

  it("holds a post sent without the form's cookie (a page from a shared cache) for a moderator, never refusing it", async () => {
    await setSetting("moderationMode", "post");
    try {
      const held = await submitPost(
        article,
        ask("The page came from the cache, is that fine?"),
        guest({ formShownAt: null }),
      );
      expect(held).toMatchObject({ ok: true, post: { status: "pending" } });
      const row = await db.post.findUniqueOrThrow({ where: { id: held.ok ? held.post.id : 0 } });
      expect(row.flags.split(",")).toContain(UNTIMED_FLAG);
      // With the cookie, the same mode publishes at once.
      const timed = await submitPost(article, ask("The page was my own, is that fine?"), guest());
      expect(timed).toMatchObject({ ok: true, post: { status: "published" } });
    } finally {
      await setSetting("moderationMode", "first");
    }
  });

  it("counts posts sent without a guest cookie from one address as one writer's, not one writer each", async () => {
    const newGuest = () => guest({ ipHash: "address-new", newGuest: true });
    for (let i = 1; i <= 5; i++) {
      expect((await submitPost(article, ask(`A first question, take ${i}`), newGuest())).ok).toBe(true);
    }
    const sixth = await submitPost(article, ask("A first question, take 6"), newGuest());
    expect(sixth).toMatchObject({ ok: false, status: 429, formError: expect.stringMatching(/from your network/) });
    const flagged = await db.post.count({ where: { ipHash: "address-new", flags: { contains: NEW_VISITOR_FLAG } } });
    expect(flagged).toBe(5);
    // A guest at that address who already has their cookie is not held back by the newcomers.
    expect((await submitPost(article, ask("I have posted here before"), guest({ ipHash: "address-new" }))).ok).toBe(
      true,
    );
  });

  it("treats the same text as a repeat only from its own writer, and not once a moderator rejected it", async () => {
    const text = "Can the same words come from two people at one office?";
    const first = guest({ ipHash: "address-dup" });
    const posted = await submitPost(article, ask(text), first);
    expect(posted.ok).toBe(true);
    // Another guest behind the same address may send the same words.
    expect((await submitPost(article, ask(text), guest({ ipHash: "address-dup" }))).ok).toBe(true);
    // The writer may send it again once a moderator rejected the first.
    await db.post.update({ where: { id: posted.ok ? posted.post.id : 0 }, data: { status: "rejected" } });
    expect((await submitPost(article, ask(text), first)).ok).toBe(true);
  });
});

describe("bad input", () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ["empty text", { body: "   \n  " }, "body", /write something/],
    ["text over 10,000 characters", { body: "a".repeat(10_001) }, "body", /10,001 characters; the limit is 10,000/],
    ["an unknown section", { section: "no-such-section" }, "section", /not part of this article/],
    ["a name over 80 characters", { name: "n".repeat(81) }, "name", /80 characters/],
    ["a question of one short word", { body: "hi" }, "body", /in a sentence or two/],
    ["a question of two letters and a mark", { body: "hi ?" }, "body", /in a sentence or two/],
    ["no name", { name: "  " }, "name", /give a name/],
    ["an invalid email", { email: "not-an-email" }, "email", /email address/],
  ];
  for (const [label, fields, field, message] of cases) {
    it(`refuses ${label} with a message on the field`, async () => {
      const before = await postCount();
      const result = await submitPost(article, { ...ask("A fine question"), ...fields }, guest());
      expect(result).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { [field]: expect.stringMatching(message) },
      });
      expect(await postCount()).toBe(before);
    });
  }

  it("refuses replies to posts that are missing, unpublished or on another article", async () => {
    const other = await db.post.findFirstOrThrow({
      where: { article: { slug: { not: DEMO_ARTICLE } }, status: "published" },
    });
    const pending = await db.post.findFirstOrThrow({ where: { articleId: article.id, status: "pending" } });
    for (const parentId of ["999999", "abc", String(pending.id), String(other.id)]) {
      const before = await postCount();
      const result = await submitPost(article, { name: "R", body: "A reply", parentId }, guest());
      expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { parentId: expect.any(String) } });
      expect(await postCount()).toBe(before);
    }
  });

  it("answers the route's POST with 400, the messages and the text kept", async () => {
    const shown = await (await formShownCookie()).serialize({ t: Date.now() - 60_000 });
    const body = new URLSearchParams({ intent: "ask", name: "", email: "x@", section: "how-long", body: "Kept text" });
    const response = await articleAction({
      request: new Request(`http://localhost/articles/${DEMO_ARTICLE}`, {
        method: "POST",
        body,
        headers: {
          Cookie: shown.split(";")[0],
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: "http://localhost",
        },
      }),
      params: { slug: DEMO_ARTICLE },
      context: {},
    });
    expect("init" in response && response.init?.status).toBe(400);
    // Conform's reply: every field's message, and the values to put back in the form.
    expect("data" in response && response.data).toMatchObject({
      form: "ask-form",
      result: {
        initialValue: { body: "Kept text", section: "how-long", email: "x@" },
        error: { name: [expect.any(String)], email: [expect.any(String)] },
      },
    });
  });
});

describe("flags and what readers see", () => {
  it("flags long posts and posts with many links for moderators", async () => {
    const long = await submitPost(article, ask("word ".repeat(300)), guest());
    const links = await submitPost(
      article,
      ask("See https://a.example and https://b.example and [c](https://c.example)"),
      guest(),
    );
    expect(long.ok && links.ok).toBe(true);
    if (!long.ok || !links.ok) return;
    expect((await db.post.findUniqueOrThrow({ where: { id: long.post.id } })).flags).toBe("long");
    expect((await db.post.findUniqueOrThrow({ where: { id: links.post.id } })).flags).toBe("links");
  });

  it("shows a pending post to its writer only, and a reply nested under its parent", async () => {
    const writer = guest();
    const question = (await getArticlePage(DEMO_ARTICLE))!.threads[1];
    const reply = await submitPost(
      article,
      { name: "Writer", body: "Me too, same office.", parentId: String(question.id) },
      writer,
    );
    expect(reply.ok).toBe(true);
    const mine = (await getArticlePage(DEMO_ARTICLE, {}, { guestKey: writer.guestKey, userId: null }))!;
    const shown = mine.threads[1].replies.find((r) => r.writer === "Writer");
    expect(shown?.pending).toBe(true);
    const stranger = (await getArticlePage(DEMO_ARTICLE, {}, { guestKey: "someone-else", userId: null }))!;
    expect(stranger.threads[1].replies.some((r) => r.writer === "Writer")).toBe(false);
  });
});

describe("threads at the depth limit", () => {
  it("answers a post at depth 5 at the same depth, keeping whom it answers", async () => {
    const deepest = await db.post.findFirstOrThrow({ where: { articleId: article.id, depth: 5, status: "published" } });
    const result = await submitPost(
      article,
      { name: "Deep", body: "Replying to the deepest post.", parentId: String(deepest.id) },
      guest(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await db.$transaction(async (tx) => (await import("~/posts/posts.server")).publishPost(result.post.id, tx));
    const stored = await db.post.findUniqueOrThrow({ where: { id: result.post.id } });
    expect(stored).toMatchObject({ depth: 5, parentId: deepest.id, rootId: deepest.rootId });
    const page = (await getArticlePage(DEMO_ARTICLE))!;
    const thread = page.threads.find((t) => t.id === deepest.rootId)!;
    const level4 = thread.replies[0].replies[0].replies[0];
    const shown = level4.replies.find((r) => r.id === result.post.id)!;
    expect(shown.answers).toEqual({ id: deepest.id, writer: "Tomasz" });
  });
});

describe("the sanitiser", () => {
  const payloads = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '[x](https://ok.example "title" onmouseover=alert(1))',
  ];
  it("lets no script, javascript: or data: link, or event handler through", async () => {
    for (const payload of payloads) {
      const result = await submitPost(article, ask(`Question ${payload}`), guest());
      expect(result.ok, payload).toBe(true);
      if (!result.ok) continue;
      const { bodyHtml, bodySource } = await db.post.findUniqueOrThrow({ where: { id: result.post.id } });
      expect(bodySource).toBe(`Question ${payload}`);
      expect(bodyHtml).not.toMatch(/<script|<img|<svg|<iframe/i);
      expect(bodyHtml).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
      expect(bodyHtml).not.toMatch(/<[^>]+\son\w+=/i);
    }
  });
});
