// Writes a planned import: level by level (so every parent has its id before
// its replies are written), in batches, each batch one transaction that also
// keeps the counters the page reads (replies per question, "answered",
// the article's last question number). A run cut short leaves whole batches
// only, and the next run adds what is missing by the comments' source ids.
import { addressHashOf } from "~/auth/visitor.server";
import { suggestSection, type SectionText } from "~/content/suggest-section";
import { databaseTarget } from "~/db/database-url";
import { db } from "~/db.server";
import type { ImportedPost, PlannedPost, PostRef, ThreadPlan } from "~/import/plan";
import { renderPostBody } from "~/posts/body.server";
import { textFingerprint } from "~/posts/fingerprint";
import { EDIT_MARKER } from "~/model/markers";
import { VISIBLE_STATUS } from "~/model/status";

export const BATCH_SIZE = 500;

/** What an earlier import brought into this article, by source id. */
export async function importedPosts(articleId: string, prefix: string): Promise<Map<string, ImportedPost>> {
  const rows = await db.post.findMany({
    where: { articleId, externalId: { startsWith: `${prefix}:` } },
    select: { id: true, externalId: true, depth: true, rootId: true, sectionId: true },
  });
  return new Map(rows.map((row) => [row.externalId!, { ...row, externalId: row.externalId! }]));
}

/** The section each new question's words suggest, as the intake does for a question asked here. */
export function suggestedSections(plan: ThreadPlan, sections: SectionText[]) {
  const suggested = new Map<string, string | null>();
  for (const post of plan.posts) {
    if (post.parent === null)
      suggested.set(post.comment.externalId, suggestSection(post.comment.markdown, sections)?.id ?? null);
  }
  return suggested;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type PostRow = {
  articleId: string;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  sectionId: string | null;
  sectionSuggested: boolean;
  userId: string | null;
  guestName: string | null;
  guestEmail: string | null;
  ipHash: string | null;
  bodySource: string;
  bodyHash: string;
  bodyHtml: string;
  status: string;
  flags: string;
  number: number | null;
  externalId: string;
  createdAt: Date;
  publishedAt: Date | null;
};
const COLUMNS = [
  "articleId",
  "parentId",
  "rootId",
  "depth",
  "sectionId",
  "sectionSuggested",
  "userId",
  "guestName",
  "guestEmail",
  "ipHash",
  "bodySource",
  "bodyHash",
  "bodyHtml",
  "status",
  "flags",
  "number",
  "externalId",
  "createdAt",
  "publishedAt",
] as const;

/**
 * One INSERT … RETURNING for a whole batch. Prisma's createMany compiles each
 * call's data anew (about 0.4 ms a row here, and its compiler's memory grows
 * with the batch); a plain parameterised statement costs what the database
 * costs. Values are written as Prisma writes them on each provider: dates as
 * its text on SQLite, booleans as 0/1 there.
 */
async function insertPosts(tx: Tx, rows: PostRow[]): Promise<number[]> {
  const sqlite = databaseTarget().provider === "sqlite";
  const date = (value: Date | null) =>
    value === null
      ? null
      : sqlite
        ? value.toISOString().replace("Z", "+00:00")
        : value.toISOString().slice(0, 23).replace("T", " ");
  const now = date(new Date());
  const params: unknown[] = [];
  const placeholder = () => (sqlite ? "?" : `$${params.length}`);
  const tuples = rows.map((row) => {
    const cells = COLUMNS.map((column) => {
      const value = row[column];
      params.push(value instanceof Date ? date(value) : typeof value === "boolean" && sqlite ? Number(value) : value);
      return placeholder();
    });
    params.push(now);
    cells.push(placeholder());
    return `(${cells.join(", ")})`;
  });
  const columns = [...COLUMNS, "updatedAt"].map((c) => `"${c}"`).join(", ");
  const created = await tx.$queryRawUnsafe<{ id: number | bigint; externalId: string }[]>(
    `INSERT INTO "Post" (${columns}) VALUES ${tuples.join(", ")} RETURNING "id", "externalId"`,
    ...params,
  );
  const byExternal = new Map(created.map((row) => [row.externalId, Number(row.id)]));
  return rows.map((row) => byExternal.get(row.externalId)!);
}

function batches(posts: PlannedPost[]) {
  const out: PlannedPost[][] = [];
  for (const post of posts) {
    const last = out[out.length - 1];
    if (last && last.length < BATCH_SIZE && last[0].level === post.level) last.push(post);
    else out.push([post]);
  }
  return out;
}

export async function writePlan(
  article: { id: string; authorId: string | null },
  plan: ThreadPlan,
  imported: Map<string, ImportedPost>,
  suggested: Map<string, string | null>,
  prefix: string,
  onWritten: (count: number) => void = () => {},
) {
  const ids = new Map<string, { id: number; sectionId: string | null }>();
  for (const post of imported.values()) ids.set(post.externalId, { id: post.id, sectionId: post.sectionId });
  const resolve = (ref: PostRef | null) => (ref === null ? null : "id" in ref ? ref.id : ids.get(ref.externalId)!.id);
  const sectionById = new Map([...imported.values()].map((post) => [post.id, post.sectionId]));
  const sectionOfRoot = (ref: PostRef) =>
    "externalId" in ref ? ids.get(ref.externalId)!.sectionId : (sectionById.get(ref.id) ?? null);

  for (const batch of batches(plan.posts)) {
    const rows = batch.map((post): PostRow => {
      const { comment } = post;
      const author = comment.byAuthor && article.authorId !== null;
      const section = post.parent === null ? (suggested.get(comment.externalId) ?? null) : null;
      const published = comment.status === VISIBLE_STATUS;
      return {
        articleId: article.id,
        parentId: resolve(post.parent),
        rootId: resolve(post.root),
        depth: post.depth,
        sectionId: post.root ? sectionOfRoot(post.root) : section,
        sectionSuggested: section !== null,
        userId: author ? article.authorId : null,
        guestName: author ? null : comment.writerName,
        guestEmail: author ? null : comment.writerEmail,
        ipHash: addressHashOf(comment.address),
        bodySource: comment.markdown,
        bodyHash: textFingerprint(comment.markdown),
        bodyHtml: renderPostBody(comment.markdown, { editMarkers: comment.markdown.includes(EDIT_MARKER) }),
        status: comment.status,
        flags: comment.pingback ? "pingback" : "",
        number: post.number,
        externalId: comment.externalId,
        createdAt: comment.createdAt,
        publishedAt: published ? comment.createdAt : null,
      };
    });
    const lastNumber = Math.max(0, ...batch.map((post) => post.number ?? 0));
    await db.$transaction(
      async (tx) => {
        const created = await insertPosts(tx, rows);
        for (const [index, id] of created.entries())
          ids.set(rows[index].externalId, { id, sectionId: rows[index].sectionId });
        if (lastNumber > 0) {
          await tx.article.updateMany({
            where: { id: article.id, lastQuestionNumber: { lt: lastNumber } },
            data: { lastQuestionNumber: lastNumber },
          });
        }
      },
      { timeout: 60_000 },
    );
    onWritten(batch.length);
  }
  if (plan.posts.length) await recountThreads(article.id, prefix);
}

/**
 * Each imported question's published replies, and whether its author answered,
 * counted from the rows in one statement rather than kept batch by batch: a run
 * cut short between batches leaves the counters right after the next run.
 */
async function recountThreads(articleId: string, prefix: string) {
  const pattern = `${prefix}:%`;
  await db.$executeRaw`
    UPDATE "Post" SET
      "replyCount" = (SELECT count(*) FROM "Post" r WHERE r."rootId" = "Post"."id" AND r."status" = 'published'),
      "authorAnswered" = EXISTS (
        SELECT 1 FROM "Post" r JOIN "Article" a ON a."id" = r."articleId"
        WHERE r."rootId" = "Post"."id" AND r."status" = 'published' AND r."userId" = a."authorId")
    WHERE "id" IN (
      SELECT DISTINCT "rootId" FROM "Post"
      WHERE "articleId" = ${articleId} AND "externalId" LIKE ${pattern} AND "rootId" IS NOT NULL)`;
}
