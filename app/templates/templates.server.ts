// Reply templates: an author's reusable answers. Placeholders come from an
// allowlist and are filled from the question at hand; usage is counted when
// an answer that started from a template is posted.
import { z } from "zod";
import { idField } from "~/utils/form.server";
import { db } from "~/db.server";
import { firstErrors } from "~/utils/field-errors";
import { Refusal } from "~/utils/refusal";

export const PLACEHOLDERS = ["asker", "article", "section", "thread:<number>"] as const;
const PLACEHOLDER = /\{\{\s*([a-z]+)(?::(\d+))?\s*\}\}/g;

export type TemplateContext = {
  asker: string;
  articleTitle: string;
  /** The question's section id, or null for the whole article. */
  sectionAnchor: string | null;
};

/** The placeholders a template uses that are not on the allowlist. */
export function unknownPlaceholders(body: string): string[] {
  const bad: string[] = [];
  for (const [whole] of body.matchAll(/\{\{[^{}]*\}\}/g)) {
    const match = /^\{\{\s*([a-z]+)(?::(\d+))?\s*\}\}$/.exec(whole);
    const ok =
      match !== null &&
      (match[1] === "thread"
        ? match[2] !== undefined
        : ["asker", "article", "section"].includes(match[1]) && match[2] === undefined);
    if (!ok) bad.push(whole);
  }
  // An opening with no closing is a typo the author should see too.
  for (const stray of body.match(/\{\{(?![^{}]*\}\})/g) ?? []) bad.push(stray);
  return bad;
}

/** The template's text for this question: {{section}} and {{thread:n}} become references, rendered as links. */
export function fillTemplate(body: string, context: TemplateContext): string {
  return body.replace(PLACEHOLDER, (whole, name: string, arg?: string) => {
    switch (name) {
      case "asker":
        return context.asker;
      case "article":
        return `“${context.articleTitle}”`;
      case "section":
        return context.sectionAnchor ? `§${context.sectionAnchor}` : "the whole article";
      case "thread":
        return `#${arg}`;
      default:
        return whole;
    }
  });
}

const templateSchema = z.object({
  name: z
    .string({ required_error: "Please name the template." })
    .trim()
    .min(1, "Please name the template.")
    .max(80, "Please keep the name to 80 characters."),
  category: z.string().trim().max(40, "Please keep the category to 40 characters.").default(""),
  body: z
    .string({ required_error: "Please write the template’s text." })
    .trim()
    .min(1, "Please write the template’s text.")
    .max(10_000, "A template can be at most 10,000 characters.")
    .refine((body) => unknownPlaceholders(body).length === 0, {
      message: `Only these placeholders can be used: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}.`,
    }),
});

export type TemplateInput = z.input<typeof templateSchema>;

/** The templates page's form: a new template sends no id; an edit names the one it changes. */
export const TemplateForm = templateSchema.extend({
  id: idField("That template number is not valid.").optional(),
});

/** Saves an author's template (new, or one of theirs changed); its id. A Refusal names what is wrong. */
export async function saveTemplate(authorId: string, input: TemplateInput, id?: number): Promise<number> {
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) throw Refusal.ofFields(400, firstErrors(parsed.error));
  if (id !== undefined) {
    const { count } = await db.replyTemplate.updateMany({ where: { id, authorId }, data: parsed.data });
    if (count === 0) throw new Refusal(404, "That template is not yours or does not exist.");
    return id;
  }
  const created = await db.replyTemplate.create({ data: { ...parsed.data, authorId }, select: { id: true } });
  return created.id;
}

export async function setArchived(authorId: string, id: number, archived: boolean) {
  const { count } = await db.replyTemplate.updateMany({
    where: { id, authorId },
    data: { archivedAt: archived ? new Date() : null },
  });
  return count > 0;
}

export function listTemplates(authorId: string, includeArchived = false) {
  return db.replyTemplate.findMany({
    where: { authorId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: "asc" }, { category: "asc" }, { name: "asc" }],
    select: { id: true, name: true, category: true, body: true, usageCount: true, archivedAt: true },
  });
}

export async function countUse(authorId: string, id: number) {
  await db.replyTemplate.updateMany({ where: { id, authorId }, data: { usageCount: { increment: 1 } } });
}
