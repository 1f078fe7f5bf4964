// Intake: what happens to a reader's question or reply between the form and
// the database. The form is validated field by field; then an ordered list
// of small checks may refuse it (honeypot, too fast, rate limit, duplicate);
// then flags are added for moderators, and the post is written once, in one
// transaction, or not at all.
import { config } from "~/config.server";
import { Refusal } from "~/utils/refusal";
import { follow } from "~/mail/subscriptions.server";
import { z } from "zod";
import { positiveInt } from "~/utils/form.server";
import { cleanName, nameProblem, xmlText } from "~/utils/text-safety";
import { isStaff } from "~/model/roles";
import { suggestSection } from "~/content/suggest-section";
import { type Tx, db, lockKeys } from "~/db.server";
import { textFingerprint } from "~/posts/fingerprint";
import { contentFlags } from "~/posts/flags.server";
import { createPost } from "~/posts/posts.server";
import { type PostStatus, VISIBLE_STATUS } from "~/model/status";
import { checkAgainstSources } from "~/copyright/sources.server";
import { isBanned } from "~/auth/bans.server";
import type { Visitor } from "~/auth/visitor.server";
import { resolveReferences } from "~/posts/references.server";
import { type Settings, getSettings } from "~/settings/settings.server";

export const SECTION_SUGGEST = "suggest";
export const SECTION_WHOLE = "article";

/**
 * A guest's first post from a page a shared cache served (the same bytes for everyone, so no cookie saying when
 * the form was opened): held for a moderator rather than refused (docs/decisions/0007-untimed-first-posts.md).
 */
export const UNTIMED_FLAG = "form time unknown";
/** A post from a guest with no guest cookie yet: such posts from one address share one writer's limit. */
export const NEW_VISITOR_FLAG = "new visitor";

export type PostFields = {
  name?: string;
  email?: string;
  section?: string;
  body?: string;
  parentId?: string;
  website?: string; // the honeypot: hidden from people, filled in by bots
  /** An admin's stated reason to publish past the copyright guard. */
  overrideReason?: string;
  /** "on": email the writer when the author answers or someone replies in the thread. */
  subscribe?: string;
};

export type IntakeRefusal = {
  ok: false;
  status: 400 | 403 | 409 | 429;
  fieldErrors: Partial<Record<"name" | "email" | "section" | "body" | "parentId", string>>;
  formError?: string;
  /** What the copyright guard found: the post's passages that repeat protected text, and whose. */
  copyright?: { passages: string[]; sources: string[] };
};
export type IntakeSuccess = {
  ok: true;
  post: { id: number; status: PostStatus; rootId: number | null; sectionSuggested: boolean };
  suggestedSection: { anchor: string; title: string } | null;
  /** The address that now follows the thread, and whether it still has to be confirmed by its link. */
  following: { email: string; confirmed: boolean } | null;
};

const count = (n: number) => n.toLocaleString("en-US");

/** A question the author can answer has a few words in it; "hi" or "help" is not one. */
export const MIN_QUESTION_CHARS = 10;
function tooShortForAQuestion(text: string) {
  const trimmed = text.trim();
  return trimmed.length < MIN_QUESTION_CHARS || (trimmed.length < 40 && trimmed.split(/\s+/).length < 2);
}

/** What the reader's form is checked against, besides its text: read from the database before it is. */
type FormContext = {
  settings: Settings;
  guest: boolean;
  /** "on" when the writer asked to be emailed. */
  subscribe: boolean;
  /** The article's live sections, for a question's choice. */
  sections: { id: string; anchor: string }[];
  /** For a reply, whether the post replied to is published on this article. */
  parentShown: boolean | null;
};

/**
 * The reader's form, every check in one schema (the database's answers are in
 * `context`): its output is what intake writes, with the section and the post
 * replied to resolved to ids.
 */
function fieldsSchema(context: FormContext) {
  const { settings, guest } = context;
  const question = context.parentShown === null;
  const text = z
    .string()
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n"));
  return z.object({
    name: guest
      ? text
          .transform((v) => v.trim())
          .pipe(
            z
              .string()
              .min(1, "Please give a name to show with your post.")
              .max(80, "Please keep your name to 80 characters or fewer.")
              .superRefine((value, ctx) => {
                const problem = nameProblem(value);
                if (problem) ctx.addIssue({ code: "custom", message: problem });
              })
              .transform(cleanName),
          )
      : text,
    email: text
      .transform((v) => v.trim().toLowerCase())
      .pipe(
        z.union([
          z.literal(""),
          z.string().max(254, "That email address is too long.").email("That doesn’t look like an email address."),
        ]),
      )
      .superRefine((value, ctx) => {
        // Being told by email needs an address: a guest gives one; an account has its own.
        if (guest && context.subscribe && value === "") {
          ctx.addIssue({
            code: "custom",
            message: "Give your email so that we can tell you, or untick “Email me when the author answers”.",
          });
        }
      }),
    // Characters no page, feed or email can hold are dropped, not refused: the reader could not see them.
    body: text.transform(xmlText).superRefine((value, ctx) => {
      const problem = bodyProblem(value, settings, question);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    // A question's section: a live section's id, the whole article (null), or a suggestion (null, chosen later).
    section: text.transform((value, ctx) => {
      const choice = value.trim();
      if (!question || !choice || choice === SECTION_WHOLE || choice === SECTION_SUGGEST) return null;
      const match = context.sections.find((s) => s.anchor === choice);
      if (!match) {
        ctx.addIssue({
          code: "custom",
          message: "That section is not part of this article. Please choose one from the list.",
        });
      }
      return match?.id ?? null;
    }),
    parentId: text.transform((value, ctx) => {
      if (question) return null;
      if (!context.parentShown) {
        ctx.addIssue({
          code: "custom",
          message: "The post you are replying to is not on this page any more. Your text is kept below.",
        });
      }
      return positiveInt(value);
    }),
    website: text,
  });
}

/** What is wrong with a post's text, if anything: at intake and when its writer edits it. */
export function bodyProblem(value: string, settings: Settings, question: boolean): string | null {
  if (value.trim() === "") return "Please write something before posting.";
  if (question && tooShortForAQuestion(value)) {
    return "Please ask your question in a sentence or two, so that the author can answer it.";
  }
  if (value.length > settings.hardLimit) {
    return `Your text is ${count(value.length)} characters; the limit is ${count(settings.hardLimit)}. Please shorten it by ${count(value.length - settings.hardLimit)}.`;
  }
  return null;
}

type Article = { id: string; slug: string };

const refusal = (status: IntakeRefusal["status"], formError: string): IntakeRefusal => ({
  ok: false,
  status,
  fieldErrors: {},
  formError,
});

/** Checks on the request itself, in order; the first that refuses decides. */
function formRefusal(visitor: Visitor, honeypot: string, settings: Settings): IntakeRefusal | null {
  if (honeypot.trim() !== "") {
    return refusal(400, "This form could not be sent. If you are a person, please reload the page and try again.");
  }
  if (isStaff(visitor.role)) return null;
  // No cookie: the page came from a shared cache, or cookies are blocked. The post is held instead (untimed).
  if (visitor.formShownAt === null) return null;
  const elapsed = (Date.now() - visitor.formShownAt) / 1000;
  if (elapsed < settings.minSecondsToPost) {
    return refusal(
      400,
      "That was sent within a few seconds of opening the page, which is how spam robots post. Please wait a moment and send it again.",
    );
  }
  return null;
}

/**
 * Who a reader's limits are counted for, each an index range on Post: an
 * account by itself (however many people share its address), a guest by
 * their cookie and by their address among guests.
 */
function writerKeys(visitor: Visitor): WriterKey[] {
  if (isStaff(visitor.role)) return [];
  if (visitor.userId)
    return [{ lock: `user:${visitor.userId}`, where: { userId: visitor.userId }, share: 1, own: true }];
  const keys: WriterKey[] = [];
  if (visitor.guestKey) {
    keys.push({ lock: `guest:${visitor.guestKey}`, where: { guestKey: visitor.guestKey }, share: 1, own: true });
  }
  if (visitor.ipHash) {
    const atAddress = { ipHash: visitor.ipHash, userId: null };
    keys.push({ lock: `address:${visitor.ipHash}`, where: atAddress, share: ADDRESS_SHARE, own: false });
    // Each post without a guest cookie would otherwise be a new writer with a limit of its own.
    if (visitor.newGuest) {
      const where = { ...atAddress, flags: { contains: NEW_VISITOR_FLAG } };
      keys.push({ lock: `new-guests:${visitor.ipHash}`, where, share: 1, own: false });
    }
  }
  return keys;
}

/**
 * One count a post is limited by: a lock name, the posts it counts, how many writers' limits it holds, and whether
 * they are the writer's own posts (only those make the same text twice a repeat).
 */
type WriterKey = { lock: string; where: Record<string, unknown>; share: number; own: boolean };

/**
 * An address is often shared (a household, an office, a phone network), so
 * the guests behind one get this many times one writer's rate limit between
 * them; one guest cookie still gets one writer's.
 */
export const ADDRESS_SHARE = 5;

class Refused extends Error {
  constructor(public refusal: IntakeRefusal) {
    super(refusal.formError);
  }
}

/**
 * The rate limit and the same-text rule, inside the transaction that writes
 * the post, after taking the writer's locks: thirty posts sent at one instant
 * are counted one after another, so the limit holds, and on every instance.
 */
async function checkWriterLimits(tx: Tx, visitor: Visitor, body: string, settings: Settings) {
  const keys = writerKeys(visitor);
  if (keys.length === 0) return;
  await lockKeys(
    tx,
    keys.map((k) => k.lock),
  );
  const since = new Date(Date.now() - settings.rateWindowMinutes * 60_000);
  const day = new Date(Date.now() - 24 * 3_600_000);
  const bodyHash = textFingerprint(body);
  for (const key of keys) {
    const limit = settings.rateLimit * key.share;
    // One index range per key (the writer's last day), returning only the
    // posts in the rate window and any with the same text: enough to decide both.
    const recent = await tx.post.findMany({
      where: { ...key.where, createdAt: { gte: day }, OR: [{ createdAt: { gte: since } }, { bodyHash }] },
      select: { createdAt: true, bodyHash: true, status: true },
      orderBy: { createdAt: "desc" },
      take: limit + 2,
    });
    if (recent.filter((post) => post.createdAt >= since).length >= limit) {
      throw new Refused(
        refusal(
          429,
          key.own
            ? `You have posted ${settings.rateLimit} times in the last ${settings.rateWindowMinutes} minutes. Please wait a few minutes and send this again; your text is still here.`
            : `Many posts came from your network in the last ${settings.rateWindowMinutes} minutes. Please wait a few minutes and send this again; your text is still here.`,
        ),
      );
    }
    if (key.own && recent.some((post) => post.bodyHash === bodyHash && post.status !== "rejected")) {
      throw new Refused(
        refusal(
          409,
          "You already sent this same text today. It is either on the page or awaiting moderation, so there is no need to send it again.",
        ),
      );
    }
  }
}

/** Whether this signed-in person's next post publishes at once, for the forms to say so. */
export async function publishesAtOnce(account: { id: string; role: string }) {
  if (isStaff(account.role)) return true; // no settings to read for staff, on every page they open
  const visitor = { userId: account.id, role: account.role, guestKey: null, ipHash: null, formShownAt: null };
  return (await intakeStatus(visitor, await getSettings())) === VISIBLE_STATUS;
}

/** Published at once, or held for a moderator, by role and the moderation mode. */
export async function intakeStatus(visitor: Visitor, settings: Settings): Promise<PostStatus> {
  if (isStaff(visitor.role)) return VISIBLE_STATUS;
  if (settings.moderationMode === "post") return VISIBLE_STATUS;
  if (settings.moderationMode === "pre" || visitor.userId === null) return "pending";
  // "first": a reader with an approved post is trusted.
  const approved = await db.$queryRaw<unknown[]>`
    SELECT 1 AS "one" FROM "Post" WHERE "userId" = ${visitor.userId} AND "status" = ${VISIBLE_STATUS} LIMIT 1`;
  return approved.length > 0 ? VISIBLE_STATUS : "pending";
}

/**
 * A reader's post, decided and then written: `decidePost` says what happens
 * to it and why, and only a post it lets through is written (`writePost`),
 * where the rate limit and the same-text rule are counted under the writer's
 * locks. Nothing is written for a refused post.
 */
export async function submitPost(
  article: Article,
  fields: PostFields,
  visitor: Visitor,
): Promise<IntakeRefusal | IntakeSuccess> {
  const decision = await decidePost(article, fields, visitor);
  if (!decision.ok) return decision;
  try {
    return await writePost(article, decision, visitor, fields.subscribe === "on");
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    // The parent was hidden between the check and the write.
    if (error instanceof Refusal) return { ok: false, status: 400, fieldErrors: { parentId: error.message } };
    throw error;
  }
}

/** Why a post that is let through is held for a moderator (or sent to spam) rather than published. */
export type HoldReason =
  "moderation mode" | "banned word" | "protected text" | "form time unknown" | "banned writer" | "email not confirmed";

/** The flag of a post held because its account's email is not confirmed yet (REQUIRE_VERIFIED_EMAIL=1). */
export const UNCONFIRMED_EMAIL_FLAG = "email not confirmed";

/** A post let through: where it goes, with what status and why, and what is written. */
export type PostDecision = {
  ok: true;
  status: PostStatus;
  /** Why it is not published at once; empty when it is. */
  held: HoldReason[];
  flags: string[];
  body: string;
  renderSource: string;
  name: string;
  email: string;
  parentId: number | null;
  sectionId: string | null;
  suggestedSection: { anchor: string; title: string } | null;
  /** An admin's reason to publish past the copyright guard, logged with the post. */
  override: string;
  /** The site's settings it was decided under (the writer's limits are counted with them). */
  settings: Settings;
};

/**
 * What happens to this post and why: refused, with a message for each field
 * or for the form; else published, or held with its reasons. Reads, never writes.
 */
export async function decidePost(
  article: Article,
  fields: PostFields,
  visitor: Visitor,
): Promise<IntakeRefusal | PostDecision> {
  const settings = await getSettings();
  const checked = await checkFields(article, fields, visitor, settings);
  if (!checked.ok) return checked;
  const { input, sections, parentId } = checked;
  const refused = formRefusal(visitor, input.website, settings);
  if (refused) return refused;

  const references = await resolveReferences(article, input.body);
  if (!references.ok) return { ok: false, status: 400, fieldErrors: { body: references.message } };
  const guard = await checkAgainstSources(input.body, {
    maxRunWords: settings.guardRunWords,
    maxSharedRatio: settings.guardSharedPercent / 100,
  });
  const staff = isStaff(visitor.role);
  const override = guard.blocked && visitor.role === "admin" ? (fields.overrideReason ?? "").trim() : "";
  if (guard.blocked && staff && !override) {
    return {
      ok: false,
      status: 409,
      fieldErrors: {
        body: `This repeats protected text from ${guard.sources.map((t) => `“${t}”`).join(" and ")}, so it was not published. Rephrase the highlighted passages, or answer with the copyright template.`,
      },
      copyright: { passages: guard.passages.map((p) => input.body.slice(p.start, p.end)), sources: guard.sources },
    };
  }
  // A question asked "where it fits" goes to the section its words suggest.
  let { sectionId } = checked;
  let suggestedSection: PostDecision["suggestedSection"] = null;
  if (parentId === null && (fields.section ?? "").trim() === SECTION_SUGGEST) {
    const best = suggestSection(input.body, sections);
    const section = best && sections.find((s) => s.id === best.id);
    if (section) {
      sectionId = section.id;
      suggestedSection = { anchor: section.anchor, title: section.title };
    }
  }
  const { status, held, flags } = await holdOrPublish(visitor, input, settings, guard.blocked && !staff);
  return {
    ok: true,
    status,
    held,
    flags,
    body: input.body,
    renderSource: references.markdown,
    name: input.name,
    email: input.email,
    parentId,
    sectionId,
    suggestedSection,
    override,
    settings,
  };
}

/** The form's fields checked against the one schema, with what it needs read first; or each field's message. */
async function checkFields(article: Article, fields: PostFields, visitor: Visitor, settings: Settings) {
  const isReply = Boolean(fields.parentId);
  const parentId = isReply ? positiveInt(fields.parentId) : null;
  const sections = await db.section.findMany({
    where: { articleId: article.id, removedAt: null },
    select: { id: true, anchor: true, title: true, text: true },
  });
  const parent = parentId
    ? await db.post.findUnique({ where: { id: parentId }, select: { articleId: true, status: true } })
    : null;
  const parsed = fieldsSchema({
    settings,
    guest: visitor.userId === null,
    subscribe: fields.subscribe === "on",
    sections,
    parentShown: isReply ? parent?.articleId === article.id && parent.status === VISIBLE_STATUS : null,
  }).safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: IntakeRefusal["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof IntakeRefusal["fieldErrors"];
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false as const, status: 400 as const, fieldErrors };
  }
  const { section: sectionId, parentId: replyTo, ...input } = parsed.data;
  return { ok: true as const, input, sections, sectionId, parentId: replyTo };
}

/** Whether an account's email has been confirmed (by the link sent at sign-up, or any of ours since). */
async function accountEmailConfirmed(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return false;
  const address = await db.mailAddress.findUnique({
    where: { address: user.email.toLowerCase() },
    select: { confirmedAt: true },
  });
  return address?.confirmedAt != null;
}

/** Published at once, or held for a moderator with the reasons, or spam for a banned writer; and the flags. */
async function holdOrPublish(
  visitor: Visitor,
  input: { body: string; email: string },
  settings: Settings,
  protectedText: boolean,
): Promise<{ status: PostStatus; held: HoldReason[]; flags: string[] }> {
  const guest = visitor.userId === null;
  const staff = isStaff(visitor.role);
  const flags = contentFlags(input.body, settings);
  const held: HoldReason[] = [];
  // Staff are trusted with what they write (protected text stopped them above).
  if (!staff) {
    if (flags.includes("banned-word")) held.push("banned word");
    // A reader quoting protected text is held for a moderator.
    if (protectedText) held.push("protected text");
    if (visitor.formShownAt === null) held.push("form time unknown");
    if (!guest && config().REQUIRE_VERIFIED_EMAIL === "1" && !(await accountEmailConfirmed(visitor.userId!))) {
      held.push("email not confirmed");
      flags.push(UNCONFIRMED_EMAIL_FLAG);
    }
  }
  if (protectedText) flags.push("protected-text");
  if (held.includes("form time unknown")) flags.push(UNTIMED_FLAG);
  if (guest && visitor.newGuest) flags.push(NEW_VISITOR_FLAG);
  const byMode = await intakeStatus(visitor, settings);
  if (byMode !== VISIBLE_STATUS) held.unshift("moderation mode");
  // A banned writer's posts go to spam; they see the usual "awaiting moderation" all the same.
  const banned =
    !staff &&
    (await isBanned({
      userId: visitor.userId,
      guestKey: guest ? visitor.guestKey : null,
      guestEmail: guest ? input.email || null : null,
      ipHash: visitor.ipHash,
    }));
  if (banned) held.push("banned writer");
  const status: PostStatus = banned ? "spam" : held.length > 0 ? "pending" : VISIBLE_STATUS;
  return { status, held, flags };
}

/**
 * Writes a decided post in one transaction: the writer's limits counted under
 * their locks (a Refused if they are past one), the post, an admin's override
 * in the log, and the thread followed by email when asked.
 */
async function writePost(
  article: Article,
  decision: PostDecision,
  visitor: Visitor,
  subscribe: boolean,
): Promise<IntakeSuccess> {
  const guest = visitor.userId === null;
  let following: IntakeSuccess["following"] = null;
  const post = await db.$transaction(async (tx) => {
    // The settings it was decided under: a read through `db` here would want a second connection while this
    // transaction holds one (and the writer's locks), and a burst of posts would exhaust the pool.
    await checkWriterLimits(tx, visitor, decision.body, decision.settings);
    const created = await createPost(
      {
        articleId: article.id,
        parentId: decision.parentId,
        sectionId: decision.sectionId,
        sectionSuggested: decision.suggestedSection !== null,
        userId: visitor.userId,
        guestName: guest ? decision.name : null,
        guestEmail: guest ? decision.email || null : null,
        guestKey: visitor.guestKey,
        ipHash: visitor.ipHash,
        body: decision.body,
        status: decision.status,
        flags: decision.flags,
        renderSource: decision.renderSource,
      },
      tx,
    );
    if (decision.override) {
      await tx.moderationAction.create({
        data: {
          actorId: visitor.userId,
          action: "copyright_override",
          postId: created.id,
          reason: decision.override,
          after: decision.body,
        },
      });
    }
    const written = await tx.post.findUniqueOrThrow({
      where: { id: created.id },
      select: { id: true, status: true, rootId: true, sectionSuggested: true },
    });
    if (subscribe) {
      // A guest gave their address; an account's is read only when it is wanted.
      const email = guest
        ? decision.email
        : (await tx.user.findUnique({ where: { id: visitor.userId! }, select: { email: true } }))?.email;
      if (email) {
        const followed = await follow(tx, {
          email,
          confirmed: !guest,
          articleId: article.id,
          rootId: written.rootId ?? written.id,
        });
        following = { email, confirmed: followed.confirmed };
      }
    }
    return written;
  });
  return {
    ok: true,
    post: { ...post, status: post.status as PostStatus },
    suggestedSection: decision.suggestedSection,
    following,
  };
}
