// Protected sources and the shingle index built from them. The index lives
// in memory, rebuilt when the sources' version in the database changes, so
// every app instance checks against the same texts. Source texts are read
// only here and on the staff pages; no public loader selects them.
import type { Actor } from "~/model/roles";
import { z } from "zod";
import { db } from "~/db.server";
import { firstErrors } from "~/utils/field-errors";
import {
  DEFAULT_THRESHOLDS,
  type GuardThresholds,
  type Overlap,
  type ShingleIndex,
  crossesLine,
  findOverlap,
  indexSource,
  normalisedWords,
} from "~/copyright/guard";
import { Refusal } from "~/utils/refusal";

export const MAX_SOURCE_BYTES = 1024 * 1024;

let cached: { version: string; index: ShingleIndex; titles: Map<number, string> } | null = null;

async function sourcesVersion() {
  const agg = await db.protectedSource.aggregate({ _max: { updatedAt: true }, _count: { _all: true } });
  return `${agg._count._all}|${agg._max.updatedAt?.toISOString() ?? ""}`;
}

export async function shingleIndex() {
  const version = await sourcesVersion();
  if (cached?.version === version) return cached;
  const sources = await db.protectedSource.findMany({
    where: { archivedAt: null },
    select: { id: true, title: true, text: true },
  });
  const index: ShingleIndex = new Map();
  for (const source of sources) indexSource(index, source.id, source.text);
  cached = { version, index, titles: new Map(sources.map((s) => [s.id, s.title])) };
  return cached;
}

export type GuardResult = Overlap & { blocked: boolean; sources: string[] };

export async function checkAgainstSources(
  text: string,
  thresholds: GuardThresholds = DEFAULT_THRESHOLDS,
): Promise<GuardResult> {
  const { index, titles } = await shingleIndex();
  const overlap = findOverlap(text, index);
  return {
    ...overlap,
    blocked: crossesLine(overlap, thresholds),
    sources: overlap.sourceIds.map((id) => titles.get(id) ?? "a protected source"),
  };
}

/** A protected source as the author adds it: a title, and a text of at least a sentence and at most 1 MB. */
export const SourceForm = z.object({
  title: z
    .string({ required_error: "Please give the source a title." })
    .trim()
    .min(1, "Please give the source a title.")
    .max(200, "Please keep the title to 200 characters."),
  text: z
    .string({ required_error: "Paste the text to protect (at least a sentence)." })
    .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_SOURCE_BYTES, {
      message: "A source can be at most 1 MB; split a longer one in parts.",
    })
    .refine((text) => normalisedWords(text).words.length >= 8, {
      message: "Paste the text to protect (at least a sentence).",
    }),
});

/** Adds a protected source; its id. A Refusal names what is wrong with the form. */
export async function addSource(input: z.input<typeof SourceForm>, createdById: string | null): Promise<number> {
  const parsed = SourceForm.safeParse(input);
  if (!parsed.success) throw Refusal.ofFields(400, firstErrors(parsed.error));
  const { title, text } = parsed.data;
  const source = await db.protectedSource.create({
    data: { title, text, wordCount: normalisedWords(text).words.length, createdById },
    select: { id: true },
  });
  return source.id;
}

/**
 * Whose sources an actor manages: an admin every one, an author the ones they
 * added. Every source is checked against every post whoever added it; only
 * seeing and switching it off is its owner's.
 */
function managedBy(actor: Actor) {
  return actor.role === "admin" ? {} : { createdById: actor.id };
}

export async function listSources(actor: Actor) {
  return db.protectedSource.findMany({
    where: managedBy(actor),
    orderBy: { id: "asc" },
    select: { id: true, title: true, wordCount: true, createdAt: true, archivedAt: true },
  });
}

/** Stops or resumes checking a source: "done", or why not. */
export async function setSourceArchived(actor: Actor, id: number, archived: boolean): Promise<void> {
  const changed = await db.protectedSource.updateMany({
    where: { id, ...managedBy(actor) },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (changed.count > 0) return;
  if ((await db.protectedSource.count({ where: { id } })) > 0) {
    throw new Refusal(403, "Only the author who added a protected source, or an admin, can change it.");
  }
  throw new Refusal(404, "There is no such protected source.");
}
