// Who may use each staff page and action: the data behind the permission
// matrix test. A later issue adds a row for every route it adds.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~/model/roles";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import * as account from "~/routes/account";
import * as adminMail from "~/routes/admin.mail";
import * as adminMailMessage from "~/routes/admin.mail_.$id";
import * as adminMailHtml from "~/routes/admin.mail_.$id.html";
import * as subscriptions from "~/routes/subscriptions._index";
import * as ownPost from "~/routes/articles.$slug_.posts.$id_.edit";
import * as adminSettings from "~/routes/admin.settings";
import * as moderationLog from "~/routes/moderation.log";
import * as moderationBans from "~/routes/moderation.bans";
import * as writerPage from "~/routes/moderation.writers.$key";
import * as myData from "~/routes/account_.data[.]json";
import * as moderationPost from "~/routes/moderation.posts.$id/route";
import * as moderationQueue from "~/routes/moderation._index/route";
import * as authorInbox from "~/routes/author/route";
import * as authorProtected from "~/routes/author_.protected";
import * as authorSections from "~/routes/author_.sections";
import * as authorTemplates from "~/routes/author_.templates";
import * as authorInsights from "~/routes/author_.insights";
import * as findQuestion from "~/routes/author_.find-question";
import * as search from "~/routes/search";
import * as similar from "~/routes/articles.$slug_.similar";

export type Attempt = {
  path: string;
  form?: Record<string, string>;
  params?: Record<string, string>;
  /** What the page must show for the attempt to count as allowed (a row id, say). */
  target?: number;
};

/** How an attempt ended: let through, sent to sign in, refused, let in but shown nothing of it, or another status. */
export type Outcome = "allowed" | "sign-in" | "forbidden" | "hidden" | `other ${number}`;

export type Guarded = {
  name: string;
  run: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;
  /** What to send; called afresh for each role, so an action can have a post of its own to act on. */
  attempt: () => Promise<Attempt>;
  allowed: readonly Role[];
  /** For a page every role may open but not everything on it: whether this answer shows the attempt's target. */
  shows?: (answer: unknown, target: number | undefined) => boolean;
  /** Where someone outside `allowed` is refused otherwise than with 403 (or, as a guest, sent to sign in). */
  refusedAs?: Partial<Record<Role | "guest", Outcome>>;
};

/** The same outcome for a guest and every role: a page that is nobody's to open. */
const everyone = (outcome: Outcome) =>
  Object.fromEntries(["guest", "reader", "author", "moderator", "admin"].map((who) => [who, outcome]));

const SIGNED_IN = ["reader", "author", "moderator", "admin"] as const;
const MODERATORS = ["moderator", "admin"] as const;
const AUTHORS = ["author", "admin"] as const;

/** A published question on an article the given author wrote (the matrix's author account writes none, so: Nora's). */
async function publishedQuestionId() {
  const post = await db.post.findFirstOrThrow({
    where: { parentId: null, status: "published", article: { slug: "no-contact-after-a-breakup" } },
  });
  return String(post.id);
}

/** A question on Nora's article filed under a suggested section, waiting to be confirmed. */
async function suggestedQuestionId() {
  const post = await createPost({
    articleId: (await db.article.findFirstOrThrow({ where: { slug: "no-contact-after-a-breakup" } })).id,
    guestName: "Matrix",
    body: `Suggested ${Math.random()}`,
    sectionSuggested: true,
    status: "published",
  });
  return String(post.id);
}

/** A protected source that Nora, the demo articles' author, added (the matrix's author account added none). */
async function norasSourceId() {
  const nora = await db.user.findUniqueOrThrow({ where: { email: "nora@afterword.example" } });
  const source = await db.protectedSource.findFirstOrThrow({ where: { createdById: nora.id } });
  return String(source.id);
}

/** An audit entry on Nora's article (the matrix's author account wrote no article). */
async function auditEntryOnNorasArticle() {
  const post = await pendingPost();
  const entry = await db.moderationAction.create({
    data: { action: "edit", postId: post, reason: `Matrix ${Math.random()}`, before: "Before", after: "After" },
  });
  return entry.id;
}

/** A pending question on the demo article, whose author is Nora, not the matrix's own author account. */
/** A writer's history address: the first post's writer that has one (an account or a guest's cookie). */
async function writerKey() {
  const post = await db.post.findFirstOrThrow({
    where: { OR: [{ userId: { not: null } }, { guestKey: { not: null } }] },
  });
  return post.userId ? `account-${post.userId}` : `guest-${post.guestKey}`;
}

/** A guest's ban in force, for a moderator to lift. */
async function banInForce() {
  const ban = await db.ban.create({
    data: { guestKey: `matrix-${Math.random()}`, guestName: "Matrix", reason: "Test", endsAt: null },
  });
  return ban.id;
}

async function pendingPost() {
  const article = await db.article.findFirstOrThrow({ where: { slug: "no-contact-after-a-breakup" } });
  const post = await createPost({
    articleId: article.id,
    guestName: "Matrix",
    body: `Pending ${Math.random()}`,
    status: "pending",
  });
  return post.id;
}

/** A question with words of its own, published or waiting, and the words to find it by. */
async function questionWithWords(status: "published" | "pending") {
  const article = await db.article.findFirstOrThrow({ where: { slug: "no-contact-after-a-breakup" } });
  const words = `matrix ${Math.random().toString(36).slice(2, 10)} quetzal marimba`;
  const post = await createPost({ articleId: article.id, guestName: "Matrix", body: `Is ${words} allowed?`, status });
  return { id: post.id, words };
}

const searchShows = (answer: unknown, target: number | undefined) =>
  ((answer as { result: { results: { id: number }[] } | null }).result?.results ?? []).some((r) => r.id === target);
const similarShows = (answer: unknown, target: number | undefined) =>
  ((answer as { suggestions?: { id: number }[] }).suggestions ?? []).some((s) => s.id === target);

/** Search and the ask form's suggestions: open to everyone, and only ever showing what is published. */
const FINDING: Guarded[] = (["published", "pending"] as const).flatMap((status): Guarded[] => [
  {
    name: `search, a ${status} question`,
    run: search.loader as Guarded["run"],
    attempt: async () => {
      const { id, words } = await questionWithWords(status);
      return { path: `/search?${new URLSearchParams({ q: words })}`, target: id };
    },
    shows: searchShows,
    allowed: status === "published" ? SIGNED_IN : [],
    refusedAs: everyone(status === "published" ? "allowed" : "hidden"),
  },
  {
    name: `similar questions while asking, a ${status} question`,
    run: similar.loader as Guarded["run"],
    attempt: async () => {
      const { id, words } = await questionWithWords(status);
      return {
        path: `/articles/no-contact-after-a-breakup/similar?${new URLSearchParams({ q: `Is ${words} allowed?` })}`,
        params: { slug: "no-contact-after-a-breakup" },
        target: id,
      };
    },
    shows: similarShows,
    allowed: status === "published" ? SIGNED_IN : [],
    refusedAs: everyone(status === "published" ? "allowed" : "hidden"),
  },
]);

export const PERMISSION_MATRIX: Guarded[] = [
  ...FINDING,
  { name: "account page", run: account.loader, attempt: async () => ({ path: "/account" }), allowed: SIGNED_IN },
  {
    name: "account: save details",
    run: account.action,
    attempt: async () => ({ path: "/account", form: { intent: "profile", name: "Same Name" } }),
    allowed: SIGNED_IN,
  },
  {
    name: "account: change email",
    run: account.action,
    attempt: async () => ({
      path: "/account",
      form: { intent: "email", newEmail: `matrix-${Math.random().toString(36).slice(2)}@example.com` },
    }),
    allowed: SIGNED_IN,
  },
  {
    // Every signed-in visitor reaches the password check on their own account (the matrix's accounts have no
    // password, so it refuses with 400 and deletes nothing); a guest is sent to sign in. There is no id to forge.
    name: "account: delete",
    run: account.action,
    attempt: async () => ({ path: "/account", form: { intent: "delete", posts: "keep", password: "not theirs" } }),
    allowed: [],
    refusedAs: { reader: "other 400", author: "other 400", moderator: "other 400", admin: "other 400" },
  },
  {
    name: "settings page",
    run: adminSettings.loader,
    attempt: async () => ({ path: "/admin/settings" }),
    allowed: ["admin"],
  },
  {
    name: "settings: save",
    run: adminSettings.action,
    attempt: async () => ({
      path: "/admin/settings",
      form: {
        moderationMode: "first",
        softLimit: "1200",
        hardLimit: "10000",
        maxLinks: "2",
        rateLimit: "5",
        rateWindowMinutes: "10",
        minSecondsToPost: "3",
        editMinutes: "15",
        bannedWords: "",
        guardRunWords: "8",
        guardSharedPercent: "20",
        reportsToHide: "3",
      },
    }),
    allowed: ["admin"],
  },
  // An author has a queue (their own articles' posts), but may not decide on other authors' posts.
  {
    name: "moderation queue",
    run: moderationQueue.loader,
    attempt: async () => ({ path: "/moderation" }),
    allowed: ["author", ...MODERATORS],
  },
  ...(["approve", "reject", "spam", "ban"] as const).map((intent): Guarded => ({
    name: `queue: ${intent}`,
    run: moderationQueue.action,
    attempt: async () => ({
      path: "/moderation",
      // A ban goes with its confirmation (without it the queue answers with the second step and does nothing).
      form: {
        intent,
        postId: String(await pendingPost()),
        revision: "0",
        confirmed: "yes",
        ...(intent === "ban" ? { banReason: "Selling things", banFor: "day" } : {}),
      },
    }),
    allowed: MODERATORS,
  })),
  {
    name: "queue: bulk reject",
    run: moderationQueue.action,
    attempt: async () => ({
      path: "/moderation",
      form: { intent: "bulk:reject", ids: String(await pendingPost()) },
    }),
    // Bulk actions skip posts an actor may not touch and say so; authors get nothing done, but no error.
    allowed: ["author", ...MODERATORS],
  },
  {
    name: "edit a post",
    run: moderationPost.loader,
    attempt: async () => {
      const id = String(await pendingPost());
      return { path: `/moderation/posts/${id}`, params: { id } };
    },
    allowed: MODERATORS,
  },
  {
    name: "edit a post: save",
    run: moderationPost.action,
    attempt: async () => {
      const id = String(await pendingPost());
      return {
        path: `/moderation/posts/${id}`,
        params: { id },
        form: { intent: "edit", body: "Reworded", reason: "Test", revision: "0" },
      };
    },
    allowed: MODERATORS,
  },
  {
    name: "download my data",
    run: myData.loader,
    attempt: async () => ({ path: "/account/data.json" }),
    allowed: SIGNED_IN,
  },
  {
    name: "bans",
    run: moderationBans.loader,
    attempt: async () => ({ path: "/moderation/bans" }),
    allowed: MODERATORS,
    refusedAs: { author: "forbidden" },
  },
  {
    name: "bans: lift",
    run: moderationBans.action,
    attempt: async () => ({
      path: "/moderation/bans",
      form: { intent: "lift", banId: String(await banInForce()), reason: "A mistake" },
    }),
    allowed: MODERATORS,
    refusedAs: { author: "forbidden" },
  },
  {
    name: "a writer's history",
    run: writerPage.loader,
    attempt: async () => {
      const key = await writerKey();
      return { path: `/moderation/writers/${key}`, params: { key } };
    },
    allowed: MODERATORS,
  },
  {
    name: "a writer's history: note",
    run: writerPage.action,
    attempt: async () => {
      const key = await writerKey();
      return { path: `/moderation/writers/${key}`, params: { key }, form: { intent: "note", body: "Watch them" } };
    },
    allowed: MODERATORS,
  },
  {
    name: "audit log",
    run: moderationLog.loader,
    attempt: async () => ({ path: "/moderation/log" }),
    allowed: ["author", ...MODERATORS],
  },
  { name: "mail", run: adminMail.loader, attempt: async () => ({ path: "/admin/mail" }), allowed: ["admin"] },
  ...[adminMailMessage, adminMailHtml].map((route, i): Guarded => ({
    name: i === 0 ? "mail, one email" : "mail, one email's HTML",
    run: route.loader as Guarded["run"],
    attempt: async () => {
      const email = await db.outboxEmail.create({
        data: {
          kind: "confirm",
          toAddress: "matrix@example.com",
          subject: "Matrix",
          textBody: "Text",
          htmlBody: "<p>Text</p>",
          messageId: `<matrix-${Math.random()}@afterword.test>`,
        },
      });
      return { path: `/admin/mail/${email.id}`, params: { id: String(email.id) } };
    },
    allowed: ["admin"],
  })),
  // What an address follows is reached by the token in its emails alone, whoever is signed in; a wrong one is gone.
  {
    name: "subscriptions, with a token that is not one of ours",
    run: subscriptions.loader,
    attempt: async () => ({ path: "/subscriptions?token=abcdefghijklmnopqrstuvwxyz234567" }),
    allowed: [],
    refusedAs: everyone("other 410"),
  },
  {
    name: "subscriptions: stop, with a token that is not one of ours",
    run: subscriptions.action,
    attempt: async () => ({
      path: "/subscriptions",
      form: { token: "abcdefghijklmnopqrstuvwxyz234567", stop: "all" },
    }),
    allowed: [],
    refusedAs: everyone("other 410"),
  },
  // The log opens for every staff member, but an author reads the entries of their own articles only.
  {
    name: "audit log, an entry on another author's article",
    run: moderationLog.loader,
    attempt: async () => ({ path: "/moderation/log?action=edit", target: await auditEntryOnNorasArticle() }),
    shows: (answer, target) => (answer as { entries: { id: number }[] }).entries.some((e) => e.id === target),
    allowed: MODERATORS,
    refusedAs: { author: "hidden" },
  },
  // A writer edits their own post only; anyone else's, whoever asks, is not there for them.
  ...(["loader", "action"] as const).map((kind): Guarded => ({
    name: kind === "loader" ? "someone else's post, its edit page" : "someone else's post: save an edit",
    run: ownPost[kind] as Guarded["run"],
    attempt: async () => {
      const id = String(await pendingPost());
      return {
        path: `/articles/no-contact-after-a-breakup/posts/${id}/edit`,
        params: { slug: "no-contact-after-a-breakup", id },
        form: kind === "action" ? { intent: "save", body: "Someone else’s words, changed" } : undefined,
      };
    },
    allowed: [],
    refusedAs: everyone("other 404"),
  })),
  { name: "author inbox", run: authorInbox.loader, attempt: async () => ({ path: "/author" }), allowed: AUTHORS },
  {
    // An author answers only on their own articles: the matrix's own author account wrote none, so it is refused.
    name: "author inbox: answer",
    run: authorInbox.action,
    attempt: async () => ({
      path: "/author",
      form: {
        intent: "answer",
        questionId: await publishedQuestionId(),
        body: `Thank you for asking. ${Math.random()}`,
      },
    }),
    allowed: ["admin"],
  },
  {
    name: "author insights",
    run: authorInsights.loader,
    attempt: async () => ({ path: "/author/insights" }),
    allowed: AUTHORS,
  },
  {
    name: "the inbox's question finder (GET)",
    run: findQuestion.loader,
    attempt: async () => ({ path: "/author/find-question?article=no-contact-after-a-breakup&q=%231" }),
    allowed: AUTHORS,
  },
  {
    // Readers' marks that look like abuse are cleared by moderators alone (the counts are staff's to judge).
    name: "edit a post: clear readers' marks",
    run: moderationPost.action,
    attempt: async () => {
      const id = await publishedQuestionId();
      return { path: `/moderation/posts/${id}`, params: { id }, form: { intent: "clear_marks", kind: "me-too" } };
    },
    allowed: MODERATORS,
  },
  {
    name: "reply templates",
    run: authorTemplates.loader,
    attempt: async () => ({ path: "/author/templates" }),
    allowed: AUTHORS,
  },
  {
    name: "reply templates: save",
    run: authorTemplates.action,
    attempt: async () => ({
      path: "/author/templates",
      form: { intent: "save", name: `T ${Math.random()}`, category: "test", body: "Hello {{asker}}" },
    }),
    allowed: AUTHORS,
  },
  {
    name: "protected sources",
    run: authorProtected.loader,
    attempt: async () => ({ path: "/author/protected" }),
    allowed: AUTHORS,
  },
  {
    name: "protected sources: add",
    run: authorProtected.action,
    attempt: async () => ({
      path: "/author/protected",
      form: {
        intent: "add",
        title: `Source ${Math.random()}`,
        text: "one two three four five six seven eight nine ten eleven twelve",
      },
    }),
    allowed: AUTHORS,
  },
  {
    name: "sections to confirm",
    run: authorSections.loader,
    attempt: async () => ({ path: "/author/sections" }),
    allowed: AUTHORS,
  },
  {
    // An author files the questions of their own articles: the matrix's own author account wrote none.
    name: "sections to confirm: confirm",
    run: authorSections.action,
    attempt: async () => ({
      path: "/author/sections",
      form: { intent: "confirm", id: await suggestedQuestionId(), section: "whole-article" },
    }),
    allowed: ["admin"],
  },
  // An author manages the sources they added: another author's archive and restore are refused.
  ...(["archive", "restore"] as const).map((intent): Guarded => ({
    name: `protected sources: ${intent} another author's`,
    run: authorProtected.action,
    attempt: async () => ({ path: "/author/protected", form: { intent, id: await norasSourceId() } }),
    allowed: ["admin"],
  })),
];
