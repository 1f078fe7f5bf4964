// The demo data: staff accounts, the articles from content/, the demo
// threads, and on request generated posts for load. Safe to run again:
// everything is keyed, so a second run adds nothing it already added.
import { hashPassword } from "~/auth/passwords.server";
import { syncContent } from "~/content/sync.server";
import { addSource } from "~/copyright/sources.server";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { refreshSearchStatistics } from "~/search/search.server";
import { DEMO_TEMPLATES, demoProtectedText } from "./author-workspace";
import { HOW_TO_THREADS, NO_CONTACT_THREADS, type SeedPost } from "./demo-threads";

export const DEMO_STAFF = [
  { email: "nora@afterword.example", displayName: "Nora Whitfield", role: "author" },
  { email: "sam@afterword.example", displayName: "Sam Okafor", role: "moderator" },
  { email: "admin@afterword.example", displayName: "Site admin", role: "admin" },
] as const;

export const DEMO_ARTICLE = "no-contact-after-a-breakup";
/** The demo staff's password, for trying the staff pages locally. Never seed a real site with it. */
export const DEMO_PASSWORD = "afterword-demo-2026";
const HOUR = 3_600_000;

async function seedStaff() {
  const ids: Record<string, string> = {};
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const staff of DEMO_STAFF) {
    const user = await db.user.upsert({
      where: { email: staff.email },
      create: { ...staff, passwordHash },
      update: {},
      select: { id: true },
    });
    ids[staff.role] = user.id;
  }
  return ids;
}

async function seedThreads(slug: string, threads: SeedPost[], staff: Record<string, string>) {
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, publishedAt: true, sections: { select: { id: true, anchor: true } } },
  });
  if (!article) throw new Error(`The demo needs content/articles/${slug}.md`);
  const sectionIds = new Map(article.sections.map((s) => [s.anchor, s.id]));
  const existing = new Map(
    (
      await db.post.findMany({
        where: { articleId: article.id, externalId: { not: null } },
        select: { id: true, externalId: true },
      })
    ).map((p) => [p.externalId!, p.id]),
  );
  let added = 0;

  const write = async (post: SeedPost, parentId: number | null) => {
    let id = existing.get(post.key);
    if (id === undefined) {
      const staffId = post.by === "@author" ? staff.author : post.by === "@moderator" ? staff.moderator : null;
      const createdAt = new Date(article.publishedAt.getTime() + post.at * HOUR);
      await db.$transaction(async (tx) => {
        const created = await createPost(
          {
            articleId: article.id,
            parentId,
            sectionId: post.section ? (sectionIds.get(post.section) ?? null) : null,
            userId: staffId,
            guestName: staffId ? null : post.by,
            guestEmail: staffId ? null : (post.email ?? null),
            body: post.body,
            status: "published",
            editMarkers: Boolean(post.original),
            externalId: post.key,
            createdAt,
          },
          tx,
        );
        if (post.original) {
          // The reader's words before the cut are kept, as every edit's are.
          await tx.postRevision.create({
            data: {
              postId: created.id,
              revision: 0,
              bodySource: post.original,
              editorId: staff.moderator,
              kind: "length",
              reason: "Trimmed the background so the question stands out.",
              createdAt: new Date(createdAt.getTime() + 2 * HOUR),
            },
          });
          await tx.post.update({ where: { id: created.id }, data: { revision: 1 } });
          await tx.moderationAction.create({
            data: {
              actorId: staff.moderator,
              action: "edit_length",
              postId: created.id,
              reason: "Trimmed the background so the question stands out.",
              before: post.original,
              after: post.body,
              createdAt: new Date(createdAt.getTime() + 2 * HOUR),
            },
          });
        }
        id = created.id;
      });
      added++;
    }
    for (const reply of post.replies ?? []) await write(reply, id!);
  };
  for (const thread of threads) await write(thread, null);
  return added;
}

const OPENERS = [
  "I have a question about",
  "Could you say more about",
  "I'm struggling with",
  "Thank you for the part about",
  "I'm not sure how to apply",
  "What would you suggest regarding",
];
const TOPICS = [
  "how long to stay silent after a short relationship",
  "replying when my ex sends a birthday message",
  "shared friends who keep passing on news",
  "handing back belongings without meeting",
  "the first message after the month ends",
  "working in the same office as my ex",
  "checking their social media late at night",
  "starting the count again after a slip",
];
const REPLIES = [
  "Thanks, that helps a lot.",
  "I had the same experience and it got easier after the second week.",
  "Keep going, the first days are the hardest.",
  "That's a fair point, I hadn't thought of it that way.",
  "Could you explain what you mean by keeping it light?",
  "Day fifteen here, still holding on.",
];

/** A small seeded generator, so load data is the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Tops the article up to `total` generated published posts: about one question for every three replies. */
export async function seedGeneratedPosts(slug: string, total: number, staff: Record<string, string>) {
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, publishedAt: true, sections: { where: { removedAt: null }, select: { id: true } } },
  });
  if (!article) throw new Error(`No article "${slug}" to add posts to`);
  const have = await db.post.count({ where: { articleId: article.id, externalId: { startsWith: "gen-" } } });
  const rand = random(have + 7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const open = await db.post.findMany({
    where: { articleId: article.id, status: "published", externalId: { startsWith: "gen-" }, depth: { lt: 5 } },
    select: { id: true },
    orderBy: { id: "desc" },
    take: 200,
  });
  const parents = open.map((p) => p.id);
  // After the newest hand-written post, so that "Newest first" shows generated questions first, as it would live.
  const newestDemo = await db.post.findFirst({
    where: { articleId: article.id, NOT: { externalId: { startsWith: "gen-" } } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const start = Math.max(article.publishedAt.getTime() + 24 * 30 * HOUR, (newestDemo?.createdAt.getTime() ?? 0) + HOUR);
  const BATCH = 250;
  for (let n = have; n < total; n += BATCH) {
    await db.$transaction(
      async (tx) => {
        for (let i = n; i < Math.min(n + BATCH, total); i++) {
          const isQuestion = parents.length === 0 || rand() < 0.25;
          const byAuthor = !isQuestion && rand() < 0.3;
          const created = await createPost(
            {
              articleId: article.id,
              parentId: isQuestion ? null : pick(parents.slice(-60)),
              sectionId: isQuestion && article.sections.length && rand() < 0.85 ? pick(article.sections).id : null,
              userId: byAuthor ? staff.author : null,
              guestName: byAuthor ? null : `Reader ${i + 1}`,
              body: isQuestion
                ? `${pick(OPENERS)} ${pick(TOPICS)}. ${pick(REPLIES)} (generated post ${i + 1})`
                : `${pick(REPLIES)} ${pick(REPLIES)}`,
              status: "published",
              externalId: `gen-${i + 1}`,
              createdAt: new Date(start + i * 60_000),
            },
            tx,
          );
          parents.push(created.id);
        }
      },
      { timeout: 120_000 },
    );
  }
  return Math.max(0, total - have);
}

async function seedAuthorWorkspace(authorId: string) {
  for (const template of DEMO_TEMPLATES) {
    const exists = await db.replyTemplate.findFirst({ where: { authorId, name: template.name }, select: { id: true } });
    if (!exists) await db.replyTemplate.create({ data: { ...template, authorId } });
  }
  const title = "The Quiet Return (course text, stand-in)";
  if (!(await db.protectedSource.findFirst({ where: { title }, select: { id: true } }))) {
    // The author added it: it is theirs to see and to switch off.
    await addSource({ title, text: demoProtectedText() }, authorId);
  }
}

export async function seed(options: { posts?: number; article?: string } = {}) {
  const staff = await seedStaff();
  await seedAuthorWorkspace(staff.author);
  const sync = await syncContent();
  const demo =
    (await seedThreads(DEMO_ARTICLE, NO_CONTACT_THREADS, staff)) +
    (await seedThreads("how-to-plan-a-month-of-no-contact", HOW_TO_THREADS, staff));
  const generated = options.posts ? await seedGeneratedPosts(options.article ?? DEMO_ARTICLE, options.posts, staff) : 0;
  // The search's word weights come from the engine's counts; PostgreSQL counts on ANALYZE.
  if (demo + generated > 0) await refreshSearchStatistics();
  return { sync, demo, generated };
}
