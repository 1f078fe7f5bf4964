import { describe, expect, it } from "vitest";
import { buildThreads } from "./thread-tree";

const post = (id: number, parentId: number | null, rootId: number | null, depth = parentId === null ? 1 : 2) => ({
  id,
  parentId,
  rootId,
  depth,
  writer: `Writer ${id}`,
});

describe("buildThreads", () => {
  it("nests replies under their parents, in order, several levels deep", () => {
    const threads = buildThreads(
      [post(1, null, null), post(2, null, null)],
      [post(3, 1, 1, 2), post(4, 3, 1, 3), post(5, 4, 1, 4), post(6, 1, 1, 2), post(7, 2, 2, 2)],
    );
    expect(threads.map((t) => t.id)).toEqual([1, 2]);
    expect(threads[0].replies.map((r) => r.id)).toEqual([3, 6]);
    expect(threads[0].replies[0].replies[0].replies[0].id).toBe(5);
    expect(threads[1].replies.map((r) => r.id)).toEqual([7]);
  });

  it("hangs a reply whose parent is hidden from its question, so it is not lost", () => {
    const [thread] = buildThreads([post(1, null, null)], [post(9, 8, 1)]);
    expect(thread.replies.map((r) => r.id)).toEqual([9]);
  });
});

describe("the depth limit", () => {
  it("shows a reply to a post at the deepest level beside it, naming whom it answers", () => {
    const [thread] = buildThreads(
      [post(1, null, null, 1)],
      [post(2, 1, 1, 2), post(3, 2, 1, 3), post(4, 3, 1, 4), post(5, 4, 1, 5), post(6, 5, 1, 5), post(7, 6, 1, 5)],
    );
    const level4 = thread.replies[0].replies[0].replies[0];
    expect(level4.replies.map((r) => r.id)).toEqual([5, 6, 7]);
    expect(level4.replies[0].answers).toBeNull();
    expect(level4.replies[1].answers?.id).toBe(5);
    expect(level4.replies[2].answers?.id).toBe(6);
  });
});
