// Turns the flat rows of a page's threads into nested replies. Pure, so the
// article page can fetch every reply of its threads in one query.

export type FlatPost = { id: number; parentId: number | null; rootId: number | null; depth: number; writer: string };
export type Threaded<T> = T & {
  replies: Threaded<T>[];
  /** Set when the reply is shown beside the post it answers rather than under it (the depth limit). */
  answers: { id: number; writer: string } | null;
};

/**
 * Nests `replies` under `roots`, in the order given. A reply as deep as its
 * parent (written past the depth limit) is shown beside that parent, naming
 * it in `answers`. A reply whose parent is not among the rows (hidden since)
 * hangs from its question, so no reply is lost.
 */
export function buildThreads<T extends FlatPost>(roots: T[], replies: T[]): Threaded<T>[] {
  const nodes = new Map<number, Threaded<T>>();
  const shownUnder = new Map<number, Threaded<T>>();
  for (const post of [...roots, ...replies]) nodes.set(post.id, { ...post, replies: [], answers: null });
  for (const reply of replies) {
    const node = nodes.get(reply.id)!;
    let parent = nodes.get(reply.parentId ?? -1) ?? (reply.rootId !== null ? nodes.get(reply.rootId) : undefined);
    if (!parent || parent === node) continue;
    if (parent.id === reply.parentId && reply.depth <= parent.depth && shownUnder.has(parent.id)) {
      node.answers = { id: parent.id, writer: parent.writer };
      parent = shownUnder.get(parent.id)!;
    }
    shownUnder.set(node.id, parent);
    parent.replies.push(node);
  }
  return roots.map((r) => nodes.get(r.id)!);
}

/** The ids of a thread's posts, the question's and every reply's. */
export function postIdsOf(thread: { id: number; replies: { id: number; replies: unknown[] }[] }): number[] {
  type Node = { id: number; replies: unknown[] };
  const ids: number[] = [];
  const walk = (node: Node) => {
    ids.push(node.id);
    for (const reply of node.replies as Node[]) walk(reply);
  };
  walk(thread);
  return ids;
}
