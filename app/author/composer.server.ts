// The author's composer: what each of its buttons does to the answer being
// written (insert a template, a link, the copyright answer) and publishing it.
// Only the article's author (or an admin) may answer, and only a published
// question; the answer goes through the same intake as every post.
import { Refusal } from "~/utils/refusal";
import { z } from "zod";
import { type Actor, mayActOnArticle } from "~/model/roles";
import { db } from "~/db.server";
import { submitPost } from "~/posts/intake.server";
import { VISIBLE_STATUS } from "~/model/status";
import { idField } from "~/utils/form.server";
import { countUse, fillTemplate, listTemplates } from "~/templates/templates.server";

const questionId = idField("That question is not in your inbox.");
const body = z.string().default("");
const templateId = idField("That template is not one of yours.").optional();

/**
 * The composer's form; the button pressed is the intent. "Point to #12" is one
 * button per similar question, so its value names the question: `point:12`;
 * the "Point to a question" field names it as typed ("#12" or "12"), with or
 * without the list that finds it by its words.
 */
export const ComposerForm = z.preprocess(
  (form) => {
    const fields = form as Record<string, unknown>;
    const point = typeof fields?.intent === "string" ? /^point:(\d{1,10})$/.exec(fields.intent) : null;
    if (point) return { ...fields, intent: "point", pointTo: point[1] };
    if (fields?.intent === "point") {
      const typed = typeof fields.pointChoice === "string" ? /^\s*#?\s*(\d{1,7})\b/.exec(fields.pointChoice) : null;
      return { ...fields, pointTo: typed ? typed[1] : undefined };
    }
    return form;
  },
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("answer"),
      questionId,
      body: z.string({ required_error: "Please write your answer before publishing it." }),
      templateId,
      overrideReason: z.string().default(""),
    }),
    z.object({
      intent: z.literal("insert"),
      questionId,
      body,
      templateIdChoice: idField("Choose a template first."),
    }),
    z.object({ intent: z.literal("copyright"), questionId, body }),
    z.object({
      intent: z.literal("link"),
      questionId,
      body,
      templateId,
      // The pickers insert the same references an author can type: §section-id or #number.
      linkChoice: z
        .string({ required_error: "Choose a section or a question to link." })
        .regex(/^(§[a-z0-9][a-z0-9-]*|#\d{1,7})$/, "Choose a section or a question to link."),
    }),
    z.object({
      intent: z.literal("point"),
      questionId,
      body,
      templateId,
      pointTo: idField("Type the question’s number, like #12, or choose it from the list as you type its words."),
    }),
  ]),
);
export type ComposerInput = z.infer<typeof ComposerForm>;

async function questionToAnswer(actor: Actor, id: number) {
  const question = await db.post.findFirst({
    where: { id, parentId: null, status: VISIBLE_STATUS },
    select: {
      id: true,
      guestName: true,
      user: { select: { displayName: true } },
      article: { select: { id: true, slug: true, title: true, authorId: true } },
      section: { select: { anchor: true, removedAt: true } },
    },
  });
  if (!question) throw new Refusal(404, "That question is not in your inbox.");
  if (!mayActOnArticle(actor, question.article.authorId)) {
    throw new Refusal(403, "You can only answer questions on your own articles.");
  }
  return { ...question, asker: question.user?.displayName ?? question.guestName ?? "the reader" };
}

const joined = (before: string, addition: string, separator: string) =>
  before.trim() ? `${before.trimEnd()}${separator}${addition}` : addition;

export type ComposerOutcome =
  | { kind: "draft"; body: string; templateId: number | null }
  | {
      kind: "refused";
      status: number;
      body: string;
      /** Each message under the field it is about; `form` for the answer as a whole. */
      problems: Record<string, string | undefined>;
      copyright?: { passages: string[]; sources: string[] };
    }
  | { kind: "published"; asker: string };

/** A short answer pointing to an answered question ("#12" becomes its link when published); the author edits it. */
function pointTo(
  asker: string,
  other: { number: number | null; guestName: string | null; user: { displayName: string } | null },
) {
  const greeting = asker === "the reader" ? "" : `${asker}, `;
  const theirs = other.user?.displayName ?? other.guestName;
  const opening = `${greeting}I answered a very similar question${theirs ? ` from ${theirs}` : ""} in #${other.number}`;
  return `${opening.charAt(0).toUpperCase()}${opening.slice(1)}: have a look there first, and tell me here if your situation is different.`;
}

/** What the pressed button does: a new draft to keep writing, a refusal, or the answer published. */
export async function compose(actor: Actor, input: ComposerInput): Promise<ComposerOutcome> {
  const question = await questionToAnswer(actor, input.questionId);
  switch (input.intent) {
    case "insert":
    case "copyright": {
      const templates = await listTemplates(actor.id);
      const template =
        input.intent === "copyright"
          ? templates.find((t) => t.category.toLowerCase() === "copyright")
          : templates.find((t) => t.id === input.templateIdChoice);
      if (!template) {
        const problems =
          input.intent === "copyright"
            ? { form: "You have no template in the category “copyright” yet; add one under Reply templates." }
            : { templateIdChoice: "That template is not one of yours. Choose another." };
        return { kind: "refused", status: 400, body: input.body, problems };
      }
      const filled = fillTemplate(template.body, {
        asker: question.asker === "the reader" ? "there" : question.asker,
        articleTitle: question.article.title,
        sectionAnchor: question.section && !question.section.removedAt ? question.section.anchor : null,
      });
      return { kind: "draft", body: joined(input.body, filled, "\n\n"), templateId: template.id };
    }
    case "link":
      return { kind: "draft", body: joined(input.body, input.linkChoice, " "), templateId: input.templateId ?? null };
    case "point": {
      // Only a published question of the same article, so that "#n" becomes a link to it.
      const other = await db.post.findFirst({
        where: { articleId: question.article.id, number: input.pointTo, parentId: null, status: VISIBLE_STATUS },
        select: { number: true, guestName: true, user: { select: { displayName: true } } },
      });
      if (!other || other.number === null) {
        return {
          kind: "refused",
          status: 400,
          body: input.body,
          problems: { form: `There is no published question #${input.pointTo} on this article to point to.` },
        };
      }
      return {
        kind: "draft",
        body: joined(input.body, pointTo(question.asker, other), "\n\n"),
        templateId: input.templateId ?? null,
      };
    }
    case "answer": {
      const result = await submitPost(
        question.article,
        { body: input.body, parentId: String(question.id), overrideReason: input.overrideReason },
        { userId: actor.id, role: actor.role, guestKey: null, ipHash: null, formShownAt: null },
      );
      if (!result.ok) {
        return {
          kind: "refused",
          status: result.status,
          body: input.body,
          problems: {
            body: result.fieldErrors.body,
            form: result.formError ?? result.fieldErrors.parentId,
          },
          copyright: result.copyright,
        };
      }
      if (input.templateId) await countUse(actor.id, input.templateId);
      return { kind: "published", asker: question.asker };
    }
  }
}
