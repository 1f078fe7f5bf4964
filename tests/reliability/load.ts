// The posting load the concurrency and crash checks share: fifty posters
// (half signed-in readers whose earlier post was approved, half guests, each
// from an address of its own) asking questions and replying under published
// ones, flat out, while moderators approve what is held; and the checks of
// what the database holds afterwards.
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { VISIBLE_STATUS } from "~/model/status";
import { DEMO_ARTICLE } from "../../scripts/seed/seed";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, type Visitor, askForm, replyForm, sendForm, visitor } from "../support/visitors";

export type Acknowledged = { text: string; kind: "question" | "reply" };

/** The settings form as the settings page sends it: the defaults, limits that fifty fast posters stay under, and `overrides`. */
export const settingsForm = (overrides: Record<string, string> = {}) => ({
  moderationMode: "first",
  softLimit: "1200",
  hardLimit: "10000",
  maxLinks: "2",
  rateLimit: "1000",
  rateWindowMinutes: "1",
  minSecondsToPost: "0",
  editMinutes: "15",
  guardRunWords: "8",
  guardSharedPercent: "20",
  reportsToHide: "3",
  bannedWords: "",
  ...overrides,
});

/** Through the settings page, as an admin would: limits that fifty fast posters stay under. */
export async function raiseLimits(base: string, overrides: Record<string, string> = {}) {
  const admin = await userWithSession("admin");
  const response = await sendForm(
    base,
    "/admin/settings",
    settingsForm(overrides),
    await visitor({ session: admin.cookie }),
  );
  if (response.status !== 302 && response.status !== 200) throw new Error(`settings: ${response.status}`);
}

export async function posters(count: number): Promise<Visitor[]> {
  const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
  const list: Visitor[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const reader = await userWithSession("reader");
      await createPost({
        articleId: article.id,
        userId: reader.user.id,
        body: `Approved before ${i}`,
        status: "published",
      });
      list.push(await visitor({ session: reader.cookie }));
    } else {
      list.push(await visitor({ guestKey: `poster-${i}-${Date.now()}` }));
    }
  }
  return list;
}

const topics = ["the second week", "a birthday message", "mutual friends", "the shared flat", "their new partner"];

/**
 * Runs the load until `until()` says stop. `base()` is the server to post to
 * (it may change when a server is restarted). Every post a server
 * acknowledged (a redirect) is in the returned list; refusals and lost
 * connections are counted, not listed.
 */
export async function postingLoad(
  base: () => string,
  everyone: Visitor[],
  until: () => boolean,
  moderators: Visitor[] = [],
): Promise<{ acknowledged: Acknowledged[]; refused: number; unanswered: number; approved: number }> {
  const acknowledged: Acknowledged[] = [];
  let refused = 0;
  let unanswered = 0;
  let approved = 0;
  let published: number[] = (
    await db.post.findMany({
      where: { article: { slug: DEMO_ARTICLE }, parentId: null, status: VISIBLE_STATUS },
      select: { id: true },
    })
  ).map((p) => p.id);
  const poster = async (as: Visitor, p: number) => {
    for (let n = 0; !until(); n++) {
      const question = n % 2 === 0 || published.length === 0;
      const text = `Poster ${p}, message ${n}: what do I do about ${topics[(p + n) % topics.length]}? (${Date.now()})`;
      const fields = question
        ? askForm(text, `Poster ${p}`)
        : replyForm(published[(p * 7 + n) % published.length], text, `Poster ${p}`);
      try {
        const response = await sendForm(base(), ARTICLE_PATH, fields, as);
        await response.arrayBuffer();
        if (response.status === 302) acknowledged.push({ text, kind: question ? "question" : "reply" });
        else refused++;
      } catch {
        unanswered++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  // Moderators overlap on purpose: each takes the oldest held posts, so two often decide one post at once.
  const approver = async (as: Visitor, m: number) => {
    while (!until()) {
      const pending = await db.post.findMany({
        where: { article: { slug: DEMO_ARTICLE }, status: "pending" },
        select: { id: true, revision: true, parentId: true },
        orderBy: { id: "asc" },
        skip: m * 5,
        take: 10,
      });
      for (const post of pending) {
        const fields = {
          intent: "approve",
          postId: String(post.id),
          revision: String(post.revision),
          status: "pending",
        };
        try {
          const response = await sendForm(base(), "/moderation?index", fields, as);
          await response.arrayBuffer();
          if (response.status === 302) approved++;
        } catch {
          // the server is down for the moment; the next round tries again
        }
      }
      published = (
        await db.post.findMany({
          where: { article: { slug: DEMO_ARTICLE }, parentId: null, status: VISIBLE_STATUS },
          select: { id: true },
        })
      ).map((p) => p.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.all([...everyone.map((as, p) => poster(as, p)), ...moderators.map((as, m) => approver(as, m))]);
  return { acknowledged, refused, unanswered, approved };
}

/** Acknowledged posts the database does not hold (each text is stored once). */
export async function missingPosts(acknowledged: Acknowledged[]): Promise<string[]> {
  const stored = new Set(
    (
      await db.post.findMany({
        where: { bodySource: { in: acknowledged.map((a) => a.text) } },
        select: { bodySource: true },
      })
    ).map((p) => p.bodySource),
  );
  return acknowledged.filter((a) => !stored.has(a.text)).map((a) => `acknowledged, not stored: ${a.text}`);
}

/** Question numbers: the published questions hold 1..last exactly once; no other post holds one. */
export async function numberProblems(): Promise<{ checked: number; problems: string[] }> {
  const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
  const questions = await db.post.findMany({
    where: { articleId: article.id, parentId: null },
    select: { id: true, number: true, status: true },
  });
  const problems: string[] = [];
  const seen = new Map<number, number>();
  for (const q of questions) {
    if (q.status === VISIBLE_STATUS && q.number === null) problems.push(`question ${q.id} is published with no number`);
    if (q.number === null) continue;
    if (seen.has(q.number)) problems.push(`number ${q.number} held by ${seen.get(q.number)} and ${q.id}`);
    seen.set(q.number, q.id);
  }
  for (let n = 1; n <= article.lastQuestionNumber; n++) if (!seen.has(n)) problems.push(`number ${n} skipped`);
  for (const n of seen.keys()) if (n > article.lastQuestionNumber) problems.push(`number ${n} past the last one`);
  return { checked: questions.length, problems };
}

/** Each question's reply count against the published replies in its thread. */
export async function replyCountProblems(): Promise<{ checked: number; problems: string[] }> {
  const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
  const questions = await db.post.findMany({
    where: { articleId: article.id, parentId: null },
    select: { id: true, replyCount: true },
  });
  const counts = await db.post.groupBy({
    by: ["rootId"],
    where: { articleId: article.id, rootId: { not: null }, status: VISIBLE_STATUS },
    _count: { _all: true },
  });
  const byRoot = new Map(counts.map((c) => [c.rootId, c._count._all]));
  const problems = questions
    .filter((q) => q.replyCount !== (byRoot.get(q.id) ?? 0))
    .map((q) => `question ${q.id}: reply count ${q.replyCount}, ${byRoot.get(q.id) ?? 0} published replies`);
  return { checked: questions.length, problems };
}
