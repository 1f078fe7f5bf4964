// Turns the flat rows of a page's threads into nested replies. Pure, so the
// article page can fetch every reply of its threads in one query. Depth is
// capped where replies are written (app/posts/status.ts MAX_DEPTH), not here.

export type FlatPost = { id: number; parentId: number | null; rootId: number | null };
export type Threaded<T> = T & { replies: Threaded<T>[] };

/**
 * Nests `replies` under `roots`, in the order given. A reply whose parent is
 * not among the rows (hidden by a moderator since) hangs from the nearest
 * ancestor that is shown, or from its question, so no reply is lost.
 */
export function buildThreads<T extends FlatPost>(roots: T[], replies: T[]): Threaded<T>[] {
  const nodes = new Map<number, Threaded<T>>();
  for (const post of [...roots, ...replies]) nodes.set(post.id, { ...post, replies: [] });
  for (const reply of replies) {
    const node = nodes.get(reply.id)!;
    const parent = nodes.get(reply.parentId ?? -1) ?? (reply.rootId !== null ? nodes.get(reply.rootId) : undefined);
    if (parent && parent !== node) parent.replies.push(node);
  }
  return roots.map((r) => nodes.get(r.id)!);
}
