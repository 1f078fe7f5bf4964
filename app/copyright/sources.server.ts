// Protected sources and the shingle index built from them. The index lives
// in memory, rebuilt when the sources' version in the database changes, so
// every app instance checks against the same texts. Source texts are read
// only here and on the staff pages; no public loader selects them.
import type { Actor } from "~/auth/roles";
import { db } from "~/db.server";
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

export async function addSource(title: string, text: string, createdById: string | null) {
  const trimmedTitle = title.trim();
  if (!trimmedTitle) return { ok: false as const, errors: { title: "Please give the source a title." } };
  if (Buffer.byteLength(text, "utf8") > MAX_SOURCE_BYTES) {
    return { ok: false as const, errors: { text: "A source can be at most 1 MB; split a longer one in parts." } };
  }
  const words = normalisedWords(text).words.length;
  if (words < 8) return { ok: false as const, errors: { text: "Paste the text to protect (at least a sentence)." } };
  const source = await db.protectedSource.create({
    data: { title: trimmedTitle.slice(0, 200), text, wordCount: words, createdById },
    select: { id: true },
  });
  return { ok: true as const, id: source.id };
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
export async function setSourceArchived(
  actor: Actor,
  id: number,
  archived: boolean,
): Promise<"done" | "not-yours" | "missing"> {
  const changed = await db.protectedSource.updateMany({
    where: { id, ...managedBy(actor) },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (changed.count > 0) return "done";
  return (await db.protectedSource.count({ where: { id } })) > 0 ? "not-yours" : "missing";
}
