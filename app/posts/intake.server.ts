// Intake: what happens to a reader's question or reply between the form and
// the database. The form is validated field by field; then an ordered list
// of small checks may refuse it (honeypot, too fast, rate limit, duplicate);
// then flags are added for moderators, and the post is written once, in one
// transaction, or not at all.
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

function fieldsSchema(settings: Settings, guest: boolean, question: boolean) {
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
      ),
    // Characters no page, feed or email can hold are dropped, not refused: the reader could not see them.
    body: text.transform(xmlText).superRefine((value, ctx) => {
      const problem = bodyProblem(value, settings, question);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    section: text,
    parentId: text,
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

export async function submitPost(
  article: Article,
  fields: PostFields,
  visitor: Visitor,
): Promise<IntakeRefusal | IntakeSuccess> {
  const settings = await getSettings();
  const guest = visitor.userId === null;
  const parsed = fieldsSchema(settings, guest, !fields.parentId).safeParse(fields);
  const fieldErrors: IntakeRefusal["fieldErrors"] = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof IntakeRefusal["fieldErrors"];
      fieldErrors[field] ??= issue.message;
    }
  }
  const input = parsed.success ? parsed.data : null;
  // Being told by email needs an address: a guest gives one; an account has its own.
  if (guest && fields.subscribe === "on" && !(fields.email ?? "").trim()) {
    fieldErrors.email ??= "Give your email so that we can tell you, or untick “Email me when the author answers”.";
  }
  const isReply = Boolean(fields.parentId);

  // The section, for a question: a live section's id, the whole article, or a suggestion.
  const sections = await db.section.findMany({
    where: { articleId: article.id, removedAt: null },
    select: { id: true, anchor: true, title: true, text: true },
  });
  let sectionId: string | null = null;
  let suggested = false;
  const sectionChoice = (fields.section ?? "").trim();
  if (!isReply && sectionChoice && sectionChoice !== SECTION_WHOLE && sectionChoice !== SECTION_SUGGEST) {
    const match = sections.find((s) => s.anchor === sectionChoice);
    if (match) sectionId = match.id;
    else fieldErrors.section = "That section is not part of this article. Please choose one from the list.";
  }

  let parentId: number | null = null;
  if (isReply) {
    parentId = positiveInt(fields.parentId);
    const parent = parentId
      ? await db.post.findUnique({ where: { id: parentId }, select: { articleId: true, status: true } })
      : null;
    if (!parent || parent.articleId !== article.id || parent.status !== VISIBLE_STATUS) {
      fieldErrors.parentId = "The post you are replying to is not on this page any more. Your text is kept below.";
    }
  }
  if (!input || Object.keys(fieldErrors).length > 0) {
    return { ok: false, status: 400, fieldErrors };
  }

  const refused = formRefusal(visitor, input.website, settings);
  if (refused) return refused;

  const references = await resolveReferences(article, input.body);
  if (!references.ok) return { ok: false, status: 400, fieldErrors: { body: references.message } };

  const guard = await checkAgainstSources(input.body, {
    maxRunWords: settings.guardRunWords,
    maxSharedRatio: settings.guardSharedPercent / 100,
  });
  const override = guard.blocked && visitor.role === "admin" ? (fields.overrideReason ?? "").trim() : "";
  if (guard.blocked && isStaff(visitor.role) && !override) {
    return {
      ok: false,
      status: 409,
      fieldErrors: {
        body: `This repeats protected text from ${guard.sources.map((t) => `“${t}”`).join(" and ")}, so it was not published. Rephrase the highlighted passages, or answer with the copyright template.`,
      },
      copyright: { passages: guard.passages.map((p) => input.body.slice(p.start, p.end)), sources: guard.sources },
    };
  }

  if (!isReply && sectionChoice === SECTION_SUGGEST) {
    const best = suggestSection(input.body, sections);
    if (best) {
      sectionId = best.id;
      suggested = true;
    }
  }

  const flags = contentFlags(input.body, settings);
  const banned = flags.includes("banned-word");
  // A reader quoting protected text is held for a moderator; staff were stopped above.
  const protectedText = guard.blocked && !isStaff(visitor.role);
  if (protectedText) flags.push("protected-text");
  // A banned writer's posts go to spam; they see the usual "awaiting moderation" all the same.
  const writerBanned =
    !isStaff(visitor.role) &&
    (await isBanned({
      userId: visitor.userId,
      guestKey: guest ? visitor.guestKey : null,
      guestEmail: guest ? input.email || null : null,
      ipHash: visitor.ipHash,
    }));
  const untimed = !isStaff(visitor.role) && visitor.formShownAt === null;
  if (untimed) flags.push(UNTIMED_FLAG);
  if (guest && visitor.newGuest) flags.push(NEW_VISITOR_FLAG);
  let status = await intakeStatus(visitor, settings);
  if ((banned || protectedText || untimed) && status === VISIBLE_STATUS && !isStaff(visitor.role)) status = "pending";
  if (writerBanned) status = "spam";

  try {
    let following: { email: string; confirmed: boolean } | null = null;
    const post = await db.$transaction(async (tx) => {
      await checkWriterLimits(tx, visitor, input.body, settings);
      const created = await createPost(
        {
          articleId: article.id,
          parentId,
          sectionId,
          sectionSuggested: suggested,
          userId: visitor.userId,
          guestName: guest ? input.name : null,
          guestEmail: guest ? input.email || null : null,
          guestKey: visitor.guestKey,
          ipHash: visitor.ipHash,
          body: input.body,
          status,
          flags,
          renderSource: references.markdown,
        },
        tx,
      );
      if (override) {
        await tx.moderationAction.create({
          data: {
            actorId: visitor.userId,
            action: "copyright_override",
            postId: created.id,
            reason: override,
            after: input.body,
          },
        });
      }
      const written = await tx.post.findUniqueOrThrow({
        where: { id: created.id },
        select: { id: true, status: true, rootId: true, sectionSuggested: true },
      });
      if (fields.subscribe === "on") {
        // A guest gave their address; an account's is read only when it is wanted.
        const email = guest
          ? input.email
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
    const section = suggested ? sections.find((s) => s.id === sectionId)! : null;
    return {
      ok: true,
      post: { ...post, status: post.status as PostStatus },
      suggestedSection: section ? { anchor: section.anchor, title: section.title } : null,
      following,
    };
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    // The parent was hidden between the check and the write.
    if (error instanceof Refusal) {
      return { ok: false, status: 400, fieldErrors: { parentId: error.message } };
    }
    throw error;
  }
}
