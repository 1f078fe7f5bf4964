// Used by npm run bench (scripts/bench.ts), on the benchmark's own database: the
// visitors whose pages are measured, as the cookies their browsers would send.
// Prints JSON: a signed-in reader, 100 more, a guest with a question awaiting moderation,
// and POSTERS writers who may post at once (their form seen a minute ago, the
// per-visitor rate limit raised as an admin would for a load test): guests
// asking, and trusted readers replying in a thread of the first page.
import { createSession, generateSessionToken } from "~/auth/sessions.server";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { formShownCookie, guestCookie } from "~/security/cookies.server";
import { setSetting } from "~/settings/settings.server";

const [slug, posters] = [process.argv[2], Number(process.argv[3] ?? 4)];
const pair = (setCookie: string) => setCookie.split(";")[0];
const form = pair(await (await formShownCookie()).serialize({ t: Date.now() - 60_000 }));
const guest = async (key: string, name: string) =>
  `${form}; ${pair(await (await guestCookie()).serialize({ key, name }))}`;

const article = await db.article.findUniqueOrThrow({ where: { slug } });
const reader = await db.user.upsert({
  where: { email: "bench-reader@example.com" },
  create: { email: "bench-reader@example.com", displayName: "Bench Reader", role: "reader" },
  update: {},
});
const token = generateSessionToken();
await createSession(token, reader.id);
// Readers taking turns, so that nothing made for one reader's page is reused for the next.
const readers: string[] = [];
for (let i = 0; i < 100; i++) {
  const email = `bench-reader-${i}@example.com`;
  const account = await db.user.upsert({
    where: { email },
    create: { email, displayName: `Bench Reader ${i}`, role: "reader", notifyReplies: i % 2 === 0 },
    update: {},
  });
  const own = generateSessionToken();
  await createSession(own, account.id);
  readers.push(`${form}; aw_session=${own}`);
}
const pendingKey = `bench-pending-${Date.now()}`;
await createPost({
  articleId: article.id,
  guestName: "Bench Guest",
  guestKey: pendingKey,
  body: "Is it normal to feel worse in week two?",
  status: "pending",
});
await setSetting("rateLimit", 1_000_000);
// Half the posters are guests asking (held for a moderator), half trusted readers (an approved post already)
// replying in a thread on the first page, which publishes at once and changes the page everyone reads.
const [thread] = await db.post.findMany({
  where: { articleId: article.id, parentId: null, status: "published" },
  orderBy: { number: "asc" },
  take: 1,
});
const writers = [];
for (let i = 0; i < posters; i++) {
  if (i % 2 === 0) {
    writers.push({ cookie: await guest(`bench-poster-${Date.now()}-${i}`, `Poster ${i}`), intent: "ask" });
    continue;
  }
  const email = `bench-trusted-${i}@example.com`;
  const account = await db.user.upsert({
    where: { email },
    create: { email, displayName: `Trusted Reader ${i}`, role: "reader" },
    update: {},
  });
  await createPost({
    articleId: article.id,
    userId: account.id,
    body: `Trusted reader ${i}'s first post.`,
    status: "published",
  });
  const own = generateSessionToken();
  await createSession(own, account.id);
  writers.push({ cookie: `${form}; aw_session=${own}`, intent: "reply", parentId: thread.id });
}
console.log(
  JSON.stringify({
    reader: `${form}; aw_session=${token}`,
    readers,
    guest: await guest(pendingKey, "Bench Guest"),
    form,
    posters: writers,
  }),
);
await db.$disconnect();
