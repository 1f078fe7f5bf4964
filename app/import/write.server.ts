// Writes a planned import: level by level (so every parent has its id before
// its replies are written), in batches, each batch one transaction that also
// keeps the counters the page reads (replies per question, "answered",
// the article's last question number). A run cut short leaves whole batches
// only, and the next run adds what is missing by the comments' source ids.
import { addressHashOf } from "~/auth/visitor.server";
import { suggestSection, type SectionText } from "~/content/suggest-section";
import { db } from "~/db.server";
import type { ImportedPost, PlannedPost, PostRef, ThreadPlan } from "~/import/plan";
import { renderPostBody } from "~/posts/body.server";
import { textFingerprint } from "~/posts/fingerprint";
import { EDIT_MARKER } from "~/posts/markers";
import { VISIBLE_STATUS } from "~/posts/status";

export const BATCH_SIZE = 500;

/** What an earlier import brought into this article, by source id. */
export async function importedPosts(articleId: string, prefix: string): Promise<Map<string, ImportedPost>> {
  const rows = await db.post.findMany({
    where: { articleId, externalId: { startsWith: `${prefix}:` } },
    select: { id: true, externalId: true, depth: true, rootId: true, sectionId: true },
  });
  return new Map(rows.map((row) => [row.externalId!, { ...row, externalId: row.externalId! }]));
}

/** The section a question's words suggest, as the intake does for a new question. */
export function sectionFor(markdown: string, sections: SectionText[]) {
  return suggestSection(markdown, sections)?.id ?? null;
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
  sections: SectionText[],
  onWritten: (count: number) => void = () => {},
) {
  const ids = new Map<string, { id: number; sectionId: string | null }>();
  for (const post of imported.values()) ids.set(post.externalId, { id: post.id, sectionId: post.sectionId });
  const resolve = (ref: PostRef | null) => (ref === null ? null : "id" in ref ? ref.id : ids.get(ref.externalId)!.id);
  const sectionById = new Map([...imported.values()].map((post) => [post.id, post.sectionId]));
  const sectionOfRoot = (ref: PostRef) =>
    "externalId" in ref ? ids.get(ref.externalId)!.sectionId : (sectionById.get(ref.id) ?? null);

  for (const batch of batches(plan.posts)) {
    const rows = batch.map((post) => {
      const { comment } = post;
      const author = comment.byAuthor && article.authorId !== null;
      const suggested = post.parent === null ? sectionFor(comment.markdown, sections) : null;
      const published = comment.status === VISIBLE_STATUS;
      return {
        articleId: article.id,
        parentId: resolve(post.parent),
        rootId: resolve(post.root),
        depth: post.depth,
        sectionId: post.root ? sectionOfRoot(post.root) : suggested,
        sectionSuggested: suggested !== null,
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
    // Each question's published replies, and whether its author answered, grow with the batch.
    const counters = new Map<number, { replies: number; answered: boolean }>();
    const lastNumber = Math.max(0, ...batch.map((post) => post.number ?? 0));
    await db.$transaction(
      async (tx) => {
        const created = await tx.post.createManyAndReturn({
          data: rows,
          select: { id: true, externalId: true, sectionId: true },
        });
        for (const row of created) ids.set(row.externalId!, { id: row.id, sectionId: row.sectionId });
        for (const post of batch) {
          if (!post.root || post.comment.status !== VISIBLE_STATUS) continue;
          const rootId = resolve(post.root)!;
          const counter = counters.get(rootId) ?? { replies: 0, answered: false };
          counter.replies++;
          counter.answered ||= post.comment.byAuthor && article.authorId !== null;
          counters.set(rootId, counter);
        }
        for (const [rootId, counter] of counters) {
          await tx.post.update({
            where: { id: rootId },
            data: { replyCount: { increment: counter.replies }, ...(counter.answered ? { authorAnswered: true } : {}) },
          });
        }
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
}
