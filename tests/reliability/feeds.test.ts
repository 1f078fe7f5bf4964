// Part 7: feeds. Names and bodies that try to end a CDATA section (`]]>`),
// control characters and the non-characters U+FFFE and U+FFFF, sent through
// the forms as guests and as a reader renaming themselves, written straight
// into the database (as data from before the rule, or a restore, would be),
// and imported from a WordPress file; the author answers each question. Then
// every feed is read with a strict XML parser: it must parse, hold only Atom's
// own elements, and link nowhere but this site. Failed: a feed that does not
// parse, an element a reader wrote, a link elsewhere, or a form that accepts
// a name no feed can hold.
import { rmSync } from "node:fs";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, it } from "vitest";
import { db } from "~/db.server";
import { runImport } from "~/import/import.server";
import { createPost } from "~/posts/posts.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { articleDir } from "../support/content";
import { writeExport, wxr } from "../support/import-files";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, sendForm, visitor } from "../support/visitors";
import { raiseLimits } from "./load";
import { record } from "./tally";

let server: AppServer;

beforeAll(async () => {
  await seed();
  server = await startAppServer();
  await raiseLimits(server.url, { moderationMode: "post" });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const INJECT = `]]>]]></title><link href="https://evil.example/"/><title><![CDATA[`;
const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !"\t\n\r\0".includes(c));
/** Names a form must take (and a feed must carry as text). */
const NAMES = [INJECT, "x]]>y]]>z", "<b>Bold</b> & co", `"quoted" 'name'`, "Ann ]]> Lee"];
/** Names a form must refuse: what XML cannot hold. */
const BAD_NAMES = [...CONTROLS.map((c) => `Ann${c}Lee`), "Ann\uFFFELee", "Ann\uFFFFLee"];
/** Bodies: each becomes a question, with whatever XML cannot hold dropped. */
const BODIES = [
  `Does ${INJECT} end the feed?`,
  "What about x]]>y]]>z in the text of a question?",
  `Control characters ${CONTROLS.join("")} in a question, fine?`,
  "Non-characters \uFFFE and \uFFFF in a question, fine?",
  "A code span with `]]>` and a fence?\n\n```\n]]><evil/>\n```",
];
const ATOM = new Set([
  "feed",
  "id",
  "title",
  "updated",
  "generator",
  "author",
  "name",
  "email",
  "uri",
  "link",
  "rights",
  "subtitle",
  "entry",
  "content",
  "summary",
  "published",
  "category",
  "contributor",
]);

/** What is wrong with a feed: it does not parse, holds a foreign element, or links elsewhere. */
function feedProblems(label: string, xml: string, site: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => problems.push(`${label}: not well-formed: ${error.message}`));
  parser.on("opentag", (tag) => {
    if (!ATOM.has(tag.local) || tag.uri !== "http://www.w3.org/2005/Atom") {
      problems.push(`${label}: element <${tag.name}> is not Atom's`);
    }
    const href = tag.attributes.href;
    const value = typeof href === "string" ? href : href?.value;
    if (tag.local === "link" && value && !value.startsWith(`${site}/`)) problems.push(`${label}: links to ${value}`);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    problems.push(`${label}: ${(error as Error).message}`);
  }
  return problems;
}

describe("feeds with hostile names and bodies", () => {
  it("keeps every feed well-formed, Atom only, linking only here", async () => {
    const started = Date.now();
    const problems: string[] = [];
    let tried = 0;
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const before = await db.post.count({ where: { articleId: article.id } });
    const ask = async (name: string, body: string) =>
      sendForm(
        server.url,
        ARTICLE_PATH,
        { intent: "ask", name, email: "", section: "article", body },
        await visitor({ guestKey: `feeds-${tried}-${Date.now()}` }),
      );
    // Through the form, as guests: names that must be taken, names that must be refused, hostile bodies.
    for (const name of NAMES) {
      tried++;
      const answer = await ask(name, `A question from a guest with an odd name, number ${tried}?`);
      if (answer.status !== 302) problems.push(`the name ${JSON.stringify(name)} was answered ${answer.status}`);
    }
    for (const name of BAD_NAMES) {
      tried++;
      const answer = await ask(name, `A question from a guest whose name XML cannot hold, ${tried}?`);
      if (answer.status !== 400)
        problems.push(`the name ${JSON.stringify(name)} was answered ${answer.status}, not 400`);
    }
    for (const body of BODIES) {
      tried++;
      const answer = await ask("Body Test", body);
      if (answer.status !== 302)
        problems.push(`the body ${JSON.stringify(body.slice(0, 30))} was answered ${answer.status}`);
    }
    // A reader who renames themselves: their published posts' entries change at once.
    const reader = await userWithSession("reader");
    const asReader = await visitor({ session: reader.cookie });
    await createPost({
      articleId: article.id,
      userId: reader.user.id,
      body: "Trusted before, asking again?",
      status: "published",
    });
    for (const name of NAMES) {
      tried++;
      const renamed = await sendForm(
        server.url,
        "/account",
        { intent: "profile", name, queueDigest: "none" },
        asReader,
      );
      if (renamed.status >= 400) problems.push(`renaming to ${JSON.stringify(name)} was answered ${renamed.status}`);
    }
    // Rows as data from before the rule would hold them: control characters in a name, ]]> and U+FFFF in a body.
    tried++;
    await createPost({
      articleId: article.id,
      guestName: `Old${CONTROLS.join("")}Row ${INJECT}`,
      body: `Old row ${INJECT} \uFFFF`,
      status: "published",
    });
    await db.post.updateMany({
      where: { guestName: { startsWith: "Old" }, articleId: article.id },
      data: { bodyHtml: `<p>Old row ${INJECT}\u0001\uFFFE</p>` },
    });
    // An imported site: the same names and bodies as WordPress comments.
    const content = articleDir();
    const exported = writeExport(
      content,
      "hostile-feeds.xml",
      wxr([
        {
          id: 9101,
          slug: "imported-hostile-feeds",
          title: `Imported ${INJECT}`,
          // (An XML file cannot hold control characters at all: the parser refuses such a file.)
          comments: [
            ...NAMES,
            ...BODIES.filter((b) => !CONTROLS.some((c) => b.includes(c)) && !/[\uFFFE\uFFFF]/.test(b)),
          ].map((text, k) => ({
            id: 2000 + k,
            author: NAMES[k % NAMES.length],
            date: `2019-06-01 10:${String(k).padStart(2, "0")}:00`,
            content: `${text} (imported ${k})`,
          })),
        },
      ]),
    );
    tried++;
    await runImport({ format: "wordpress", file: exported, contentDir: content });
    rmSync(content, { recursive: true, force: true });

    // The author answers every question asked here; the imported article's questions get answers from its author.
    const questions = await db.post.findMany({
      where: { parentId: null, status: "published", number: { not: null }, id: { gt: 0 } },
      select: { id: true, number: true, articleId: true, article: { select: { slug: true, authorId: true } } },
      orderBy: { id: "desc" },
      take: before + 200,
    });
    const fresh = questions;
    for (const q of fresh.slice(0, 60)) {
      if (!q.article.authorId) continue;
      await createPost({
        articleId: q.articleId,
        parentId: q.id,
        userId: q.article.authorId,
        body: `An answer to #${q.number} that quotes ${INJECT} and x]]>y]]>z.`,
        status: "published",
      });
    }

    // Every feed, read strictly.
    const site = `http://localhost:${server.port}`;
    const feeds = new Set<string>();
    for (const q of fresh.slice(0, 60)) {
      feeds.add(`/articles/${q.article.slug}/answers.atom`);
      feeds.add(`/articles/${q.article.slug}/questions/${q.number}/feed.atom`);
    }
    for (const path of feeds) {
      tried++;
      const answer = await fetch(server.url + path);
      if (answer.status !== 200) {
        problems.push(`${path}: ${answer.status}`);
        continue;
      }
      problems.push(...feedProblems(path, await answer.text(), site));
    }
    record("7", "feeds: ]]>, control characters, non-characters", tried, problems, started);
  });
});
