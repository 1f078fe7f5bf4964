// Where each imported comment goes: pure, so that the threading rules are
// tested without a database. Old systems store a flat list with parent ids in
// any order (a parent may come after its child, or be missing); this turns it
// into Afterword's threads: depth up to MAX_DEPTH (deeper replies stay at the
// limit and the page names whom they answer), a question number for each
// published question by date, and nothing already imported touched again.
import { MAX_DEPTH, type PostStatus, VISIBLE_STATUS } from "~/model/status";

export type SourceComment = {
  /** "wordpress:123" or "disqus:456": what a second run recognises. */
  externalId: string;
  parentExternalId: string | null;
  writerName: string;
  writerEmail: string | null;
  address: string | null;
  createdAt: Date;
  status: PostStatus;
  /** Already converted from the old site's HTML. */
  markdown: string;
  /** Written by the article's author (matched by user id, login or email). */
  byAuthor: boolean;
  /** A pingback or trackback kept with --keep-pingbacks. */
  pingback: boolean;
};

/** A post an earlier import already brought in. */
export type ImportedPost = {
  id: number;
  externalId: string;
  depth: number;
  rootId: number | null;
  sectionId: string | null;
};

export type PostRef = { id: number } | { externalId: string };

export type PlannedPost = {
  comment: SourceComment;
  parent: PostRef | null;
  root: PostRef | null;
  /** Depth shown (1 for a question, at most MAX_DEPTH). */
  depth: number;
  /** Depth in the old thread, unlimited: posts are written level by level so parents come first. */
  level: number;
  number: number | null;
};

export type ThreadPlan = {
  posts: PlannedPost[];
  alreadyImported: number;
  /** Comments whose parent is not in the export (or loops back to them): attached to the thread as questions. */
  orphans: string[];
  /** Comments that appear twice in the export: the first is kept. */
  repeated: number;
  /** Replies deeper than MAX_DEPTH, kept at the limit. */
  capped: number;
  lastQuestionNumber: number;
};

export function planThreads(
  comments: SourceComment[],
  imported: Map<string, ImportedPost>,
  lastQuestionNumber: number,
): ThreadPlan {
  const { fresh, alreadyImported, repeated } = newComments(comments, imported);

  const orphans: string[] = [];
  const placed = new Map<string, PlannedPost>();
  const place = (start: SourceComment): PlannedPost => {
    // Walk up to a placed post, an imported one or the top, then place the chain downwards.
    const chain: SourceComment[] = [];
    const onChain = new Set<string>();
    let current: SourceComment | undefined = start;
    let above: PlannedPost | ImportedPost | null = null;
    while (current && !placed.has(current.externalId)) {
      chain.push(current);
      onChain.add(current.externalId);
      const parentId: string | null = current.parentExternalId;
      if (parentId === null) break;
      if (onChain.has(parentId)) {
        // A loop: the comment that closes it is attached to the thread.
        orphans.push(current.externalId);
        current.parentExternalId = null;
        break;
      }
      const done = placed.get(parentId);
      const old = imported.get(parentId);
      if (done || old) {
        above = done ?? old!;
        break;
      }
      const next = fresh.get(parentId);
      if (!next) {
        orphans.push(current.externalId);
        current.parentExternalId = null;
        break;
      }
      current = next;
    }
    if (current && placed.has(current.externalId) && chain.length === 0) return placed.get(current.externalId)!;
    for (let i = chain.length - 1; i >= 0; i--) {
      const post = plannedUnder(chain[i], above);
      placed.set(chain[i].externalId, post);
      above = post;
    }
    return placed.get(start.externalId)!;
  };
  for (const comment of fresh.values()) place(comment);

  const byDate = (a: PlannedPost, b: PlannedPost) =>
    a.comment.createdAt.getTime() - b.comment.createdAt.getTime() ||
    a.comment.externalId.localeCompare(b.comment.externalId);
  const posts = [...placed.values()].sort((a, b) => a.level - b.level || byDate(a, b));
  let number = lastQuestionNumber;
  for (const post of posts.filter((p) => p.parent === null && p.comment.status === VISIBLE_STATUS))
    post.number = ++number;
  return {
    posts,
    alreadyImported,
    orphans,
    repeated,
    capped: posts.filter((p) => p.level > MAX_DEPTH).length,
    lastQuestionNumber: number,
  };
}

/** The comments not imported before, each once (a copy: planning may detach one from a missing parent). */
function newComments(comments: SourceComment[], imported: Map<string, ImportedPost>) {
  const fresh = new Map<string, SourceComment>();
  let alreadyImported = 0;
  let repeated = 0;
  for (const comment of comments) {
    if (imported.has(comment.externalId)) alreadyImported++;
    else if (fresh.has(comment.externalId)) repeated++;
    else fresh.set(comment.externalId, { ...comment });
  }
  return { fresh, alreadyImported, repeated };
}

/** A comment placed under what is above it: a comment planned in this import, a post imported before, or nothing. */
function plannedUnder(comment: SourceComment, above: PlannedPost | ImportedPost | null): PlannedPost {
  if (comment.parentExternalId === null) {
    return { comment, parent: null, root: null, depth: 1, level: 1, number: null };
  }
  if (above && "comment" in above) {
    const level = above.level + 1;
    return {
      comment,
      parent: { externalId: above.comment.externalId },
      root: above.root ?? { externalId: above.comment.externalId },
      depth: Math.min(level, MAX_DEPTH),
      level,
      number: null,
    };
  }
  const old = above as ImportedPost;
  const level = old.depth + 1;
  return {
    comment,
    parent: { id: old.id },
    root: { id: old.rootId ?? old.id },
    depth: Math.min(level, MAX_DEPTH),
    level,
    number: null,
  };
}
