// Lets browser tests do what the moderation queue will do, through the same
// domain modules, on the e2e server's database:
//   tsx tests/support/e2e-task.ts publish <postId>     prints the question's number
//   tsx tests/support/e2e-task.ts hide <postId>
//   tsx tests/support/e2e-task.ts setting <key> <value>
//   tsx tests/support/e2e-task.ts latest <guestName>    prints the newest post id by that guest
//   tsx tests/support/e2e-task.ts manage-link <email>   follows two threads and the article, prints the manage link
//   tsx tests/support/e2e-task.ts ids <guestName>       prints the ids of that guest's posts, oldest first
//   tsx tests/support/e2e-task.ts latest-by <email>    prints the newest post id by that account
//   tsx tests/support/e2e-task.ts question <guestName> <text> [pending]   adds a published (or pending) question, prints its id
//   tsx tests/support/e2e-task.ts reply <parentId> <guestName> <text>   adds a published reply, prints its id
//   tsx tests/support/e2e-task.ts lift-sign-up-limits  (likewise: accounts made from one address)
//   tsx tests/support/e2e-task.ts lift-address-bans   (every browser test posts from 127.0.0.1)
//   tsx tests/support/e2e-task.ts section-counts <slug>   prints {anchor: [open, answered]} of its published questions
import { db } from "~/db.server";
import { follow } from "~/mail/subscriptions.server";
import { newMailToken } from "~/mail/tokens.server";
import { createPost, publishPost } from "~/posts/posts.server";
import { type SettingKey, setSetting } from "~/settings/settings.server";

const [task, ...args] = process.argv.slice(2);

/**
 * A write of this process beside the running server's own (its mail sender claims rows every few seconds): on
 * SQLite a transaction that read before the server wrote cannot write (SQLITE_BUSY_SNAPSHOT), and is tried again.
 */
async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = String((error as { code?: unknown } | null)?.code ?? "");
      if (!code.startsWith("SQLITE_BUSY") || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
if (task === "publish") {
  await retrying(() => db.$transaction((tx) => publishPost(Number(args[0]), tx)));
  const { number } = await db.post.findUniqueOrThrow({ where: { id: Number(args[0]) } });
  process.stdout.write(String(number ?? ""));
} else if (task === "hide") {
  await db.post.update({ where: { id: Number(args[0]) }, data: { status: "rejected" } });
} else if (task === "setting") {
  await setSetting(args[0] as SettingKey, args[1]);
} else if (task === "latest") {
  const post = await db.post.findFirstOrThrow({ where: { guestName: args[0] }, orderBy: { id: "desc" } });
  process.stdout.write(String(post.id)); // not console.log: the test runner forces colours
} else if (task === "manage-link") {
  // What an email's "change what you follow" link opens: a confirmed address following two threads.
  const article = await db.article.findUniqueOrThrow({ where: { slug: "no-contact-after-a-breakup" } });
  const roots = await db.post.findMany({
    where: { articleId: article.id, parentId: null, status: "published" },
    orderBy: { id: "asc" },
    take: 2,
    select: { id: true },
  });
  const token = await retrying(() =>
    db.$transaction(async (tx) => {
      for (const root of roots)
        await follow(tx, { email: args[0], confirmed: true, articleId: article.id, rootId: root.id });
      await follow(tx, { email: args[0], confirmed: true, articleId: article.id, rootId: null });
      const address = await tx.mailAddress.findUniqueOrThrow({ where: { address: args[0] } });
      return newMailToken(tx, address.id, "manage");
    }),
  );
  process.stdout.write(`/subscriptions?token=${token}`);
} else if (task === "article-by-url") {
  const article = await db.article.findUnique({ where: { url: args[0] }, select: { slug: true } });
  process.stdout.write(article?.slug ?? "");
} else if (task === "ids") {
  const posts = await db.post.findMany({ where: { guestName: args[0] }, orderBy: { id: "asc" }, select: { id: true } });
  process.stdout.write(posts.map((p) => p.id).join(","));
} else if (task === "latest-by") {
  const post = await db.post.findFirstOrThrow({ where: { user: { email: args[0] } }, orderBy: { id: "desc" } });
  process.stdout.write(String(post.id));
} else if (task === "settle-queue") {
  // Every post waiting for a moderator is decided, as on a quiet site: pending ones rejected, reports resolved.
  // The queue is oldest first, 25 a page; the browser tests before a queue test leave posts waiting, and the
  // test's own posts must be on the first page a moderator opens.
  await retrying(() => db.post.updateMany({ where: { status: "pending" }, data: { status: "rejected" } }));
  const reported = await db.post.findMany({
    where: { flags: { contains: "reported" } },
    select: { id: true, flags: true },
  });
  for (const post of reported) {
    const flags = post.flags.split(",").filter((flag) => flag && !["reported", "hidden by reports"].includes(flag));
    await retrying(() => db.post.update({ where: { id: post.id }, data: { flags: flags.join(",") } }));
  }
  await retrying(() => db.report.updateMany({ where: { resolvedAt: null }, data: { resolvedAt: new Date() } }));
} else if (task === "question") {
  const article = await db.article.findUniqueOrThrow({ where: { slug: "no-contact-after-a-breakup" } });
  const status = args[2] === "pending" ? "pending" : "published";
  // args: the guest's name, the text, "pending" or not, and optionally the guest's email.
  const post = await retrying(() =>
    createPost({ articleId: article.id, guestName: args[0], body: args[1], status, guestEmail: args[3] || null }),
  );
  process.stdout.write(String(post.id));
} else if (task === "reply") {
  // A published reply by a guest under a post (args: parent id, name, text).
  const parent = await db.post.findUniqueOrThrow({ where: { id: Number(args[0]) }, select: { articleId: true } });
  const post = await retrying(() =>
    createPost({
      articleId: parent.articleId,
      parentId: Number(args[0]),
      guestName: args[1],
      body: args[2],
      status: "pending",
    }),
  );
  await retrying(() => db.$transaction((tx) => publishPost(post.id, tx)));
  process.stdout.write(String(post.id));
} else if (task === "lift-sign-up-limits") {
  await db.signInThrottle.deleteMany({ where: { key: { startsWith: "signup:" } } });
} else if (task === "lift-address-bans") {
  await db.ban.deleteMany({ where: { ipHash: { not: null } } });
} else if (task === "section-counts") {
  // Counted here straight from the posts, for comparing with what /author/insights draws.
  const article = await db.article.findUniqueOrThrow({
    where: { slug: args[0] },
    select: { id: true, sections: { where: { removedAt: null }, select: { id: true, anchor: true } } },
  });
  const questions = await db.post.findMany({
    where: { articleId: article.id, parentId: null, status: "published" },
    select: { sectionId: true, authorAnswered: true },
  });
  const counts: Record<string, [number, number]> = {};
  for (const q of questions) {
    const anchor = article.sections.find((s) => s.id === q.sectionId)?.anchor ?? "";
    counts[anchor] ??= [0, 0];
    counts[anchor][q.authorAnswered ? 1 : 0]++;
  }
  process.stdout.write(JSON.stringify(counts));
} else {
  throw new Error(`unknown task ${task}`);
}
await db.$disconnect();
