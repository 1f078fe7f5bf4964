import { describe, expect, it } from "vitest";
import { buildThreads } from "./thread-tree";

const post = (id: number, parentId: number | null, rootId: number | null) => ({ id, parentId, rootId });

describe("buildThreads", () => {
  it("nests replies under their parents, in order, several levels deep", () => {
    const threads = buildThreads(
      [post(1, null, null), post(2, null, null)],
      [post(3, 1, 1), post(4, 3, 1), post(5, 4, 1), post(6, 1, 1), post(7, 2, 2)],
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
