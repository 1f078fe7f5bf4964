// Atom 1.0 feeds, written by the `feed` library: an article's answers from its
// author (newest first, each naming the question it answers) and one thread.
// Only published posts, never an email address. Each answer carries a strong
// ETag of its bytes and the newest post's time, so a reader polling it gets
// 304 while nothing changed. What readers wrote goes in as data only: titles
// are `type="html"`, so names in them are escaped; bodies are sanitised HTML
// with no `]]>` to end their CDATA early (the library escapes only the first);
// and no character XML cannot hold reaches the file (app/utils/text-safety.ts).
import { createHash } from "node:crypto";
import { Feed } from "feed";
import { db } from "~/db.server";
import { siteUrl } from "~/mail/messages.server";
import { postPermalink, questionPath } from "~/model/paths";
import { VISIBLE_STATUS } from "~/model/status";
import { escapeHtml, htmlForCdata, xmlText } from "~/utils/text-safety";

const ENTRIES = 50;

const WRITTEN = {
  id: true,
  number: true,
  rootId: true,
  bodyHtml: true,
  publishedAt: true,
  createdAt: true,
  editedAt: true,
  guestName: true,
  user: { select: { displayName: true } },
  // A moderator's edit is a revision: the newest one is when the text last changed.
  revisions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
} as const;

/** A writer's name as plain text, for `<name>` (which the library escapes). */
const writer = (post: { guestName: string | null; user: { displayName: string } | null }) =>
  xmlText(post.user?.displayName ?? post.guestName ?? "A reader");
/** Plain text for a `type="html"` title: escaped, so a name is never markup or the end of the CDATA around it. */
const title = (text: string) => escapeHtml(xmlText(text));
const when = (post: { publishedAt: Date | null; createdAt: Date }) => post.publishedAt ?? post.createdAt;
/**
 * When a post's text last changed for a reader: published, then edited by its writer or a moderator. Not the
 * row's updatedAt, which an import, a seed, a count or a flag moves too.
 */
const changed = (post: {
  publishedAt: Date | null;
  createdAt: Date;
  editedAt: Date | null;
  revisions: { createdAt: Date }[];
}) =>
  new Date(Math.max(when(post).getTime(), post.editedAt?.getTime() ?? 0, post.revisions[0]?.createdAt.getTime() ?? 0));

function newFeed(input: { id: string; title: string; link: string; self: string; updated: Date; author: string }) {
  return new Feed({
    id: input.id,
    title: xmlText(input.title),
    link: input.link,
    updated: input.updated,
    feedLinks: { atom: input.self },
    author: { name: xmlText(input.author) },
    generator: "Afterword",
    copyright: xmlText(`The posts belong to their writers; the article to ${input.author}.`),
    language: "en",
  });
}

export type AtomFeed = { xml: string; etag: string; lastModified: Date };

function finish(feed: Feed, lastModified: Date): AtomFeed {
  const xml = feed.atom1();
  return { xml, etag: `"${createHash("sha256").update(xml).digest("base64url").slice(0, 27)}"`, lastModified };
}

/** The author's answers on an article, newest first; null when there is no such article. */
export async function answersFeed(slug: string): Promise<AtomFeed | null> {
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, title: true, authorId: true, authorName: true, publishedAt: true },
  });
  if (!article) return null;
  const answers = article.authorId
    ? await db.post.findMany({
        where: { articleId: article.id, userId: article.authorId, status: VISIBLE_STATUS, parentId: { not: null } },
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        take: ENTRIES,
        select: WRITTEN,
      })
    : [];
  const questions = await db.post.findMany({
    where: { id: { in: answers.flatMap((a) => (a.rootId ? [a.rootId] : [])) }, status: VISIBLE_STATUS },
    select: WRITTEN,
  });
  const byId = new Map(questions.map((q) => [q.id, q]));
  const site = siteUrl();
  const updated = new Date(Math.max(article.publishedAt.getTime(), ...answers.map((a) => changed(a).getTime())));
  const feed = newFeed({
    id: `${site}/articles/${slug}/answers.atom`,
    title: `${article.authorName}’s answers on “${article.title}”`,
    link: `${site}/articles/${slug}`,
    self: `${site}/articles/${slug}/answers.atom`,
    updated,
    author: article.authorName,
  });
  for (const answer of answers) {
    const question = answer.rootId ? byId.get(answer.rootId) : undefined;
    // An answer in a thread whose question is no longer public is not listed.
    if (!question || question.number === null) continue;
    feed.addItem({
      id: `${site}${postPermalink(slug, answer.id)}`,
      link: `${site}${questionPath(slug, question.number)}#post-${answer.id}`,
      title: title(`Answer to question ${question.number}, from ${writer(question)}`),
      date: changed(answer),
      published: when(answer),
      author: [{ name: writer(answer) }],
      content: htmlForCdata(`<blockquote>${question.bodyHtml}</blockquote>${answer.bodyHtml}`),
    });
  }
  return finish(feed, updated);
}

/** One thread: its question and every published reply, oldest first; null when there is no such question. */
export async function threadFeed(slug: string, number: number): Promise<AtomFeed | null> {
  const question = await db.post.findFirst({
    where: { number, parentId: null, status: VISIBLE_STATUS, article: { slug } },
    select: { ...WRITTEN, article: { select: { title: true, authorId: true, authorName: true } } },
  });
  if (!question) return null;
  const replies = await db.post.findMany({
    where: { rootId: question.id, status: VISIBLE_STATUS },
    orderBy: { id: "asc" },
    take: 500,
    select: { ...WRITTEN, userId: true },
  });
  const site = siteUrl();
  const page = `${site}${questionPath(slug, number)}`;
  const updated = new Date(Math.max(...[question, ...replies].map((p) => changed(p).getTime())));
  const feed = newFeed({
    id: `${page}.atom`,
    title: `Question ${number} from ${writer(question)} on “${question.article.title}”`,
    link: page,
    self: `${page}.atom`,
    updated,
    author: question.article.authorName,
  });
  for (const post of [question, ...replies]) {
    const isAuthor = "userId" in post && post.userId !== null && post.userId === question.article.authorId;
    feed.addItem({
      id: `${site}${postPermalink(slug, post.id)}`,
      link: `${page}#post-${post.id}`,
      title: title(
        post.id === question.id
          ? `Question ${number} from ${writer(post)}`
          : `${isAuthor ? "Answer" : "Reply"} from ${writer(post)}${isAuthor ? " (Post author)" : ""}`,
      ),
      date: changed(post),
      published: when(post),
      author: [{ name: writer(post) }],
      content: htmlForCdata(post.bodyHtml),
    });
  }
  return finish(feed, updated);
}

/** The feed as an HTTP answer: 304 when the reader already has these bytes. */
export function feedResponse(request: Request, feed: AtomFeed | null): Response {
  if (!feed) return new Response("There is no such feed.", { status: 404, headers: { "Content-Type": "text/plain" } });
  const headers = {
    ETag: feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
    "Cache-Control": "public, max-age=0, must-revalidate",
    "X-Content-Type-Options": "nosniff",
  };
  const tags = (request.headers.get("If-None-Match") ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
  const since = Date.parse(request.headers.get("If-Modified-Since") ?? "");
  const unchanged = request.headers.has("If-None-Match")
    ? tags.includes(feed.etag) || tags.includes("*")
    : Number.isFinite(since) && Math.floor(feed.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  if (unchanged) return new Response(null, { status: 304, headers });
  return new Response(feed.xml, { headers: { ...headers, "Content-Type": "application/atom+xml; charset=utf-8" } });
}
