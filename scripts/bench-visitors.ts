// Used by npm run bench (scripts/bench.ts), on the benchmark's own database: the
// visitors whose pages are measured, as the cookies their browsers would send.
// Prints JSON: a signed-in reader, a guest with a question awaiting moderation,
// and POSTERS guests who may post at once (their form seen a minute ago, the
// per-visitor rate limit raised as an admin would for a load test).
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
const pendingKey = `bench-pending-${Date.now()}`;
await createPost({
  articleId: article.id,
  guestName: "Bench Guest",
  guestKey: pendingKey,
  body: "Is it normal to feel worse in week two?",
  status: "pending",
});
await setSetting("rateLimit", 1_000_000);
console.log(
  JSON.stringify({
    reader: `${form}; aw_session=${token}`,
    guest: await guest(pendingKey, "Bench Guest"),
    form,
    posters: await Promise.all(
      Array.from({ length: posters }, (_, i) => guest(`bench-poster-${Date.now()}-${i}`, `Poster ${i}`)),
    ),
  }),
);
await db.$disconnect();
