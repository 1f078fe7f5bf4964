import { describe, expect, it } from "vitest";
import { type ImportedPost, type SourceComment, planThreads } from "./plan";

let clock = 0;
const c = (id: string, parent: string | null, extra: Partial<SourceComment> = {}): SourceComment => ({
  externalId: `wordpress:${id}`,
  parentExternalId: parent === null ? null : `wordpress:${parent}`,
  writerName: `Writer ${id}`,
  writerEmail: null,
  address: null,
  createdAt: new Date(Date.UTC(2020, 0, 1) + ++clock * 60_000),
  status: "published",
  markdown: `Comment ${id}`,
  byAuthor: false,
  pingback: false,
  ...extra,
});

const shape = (plan: ReturnType<typeof planThreads>) =>
  plan.posts.map((p) => ({
    id: p.comment.externalId.split(":")[1],
    parent: p.parent && ("id" in p.parent ? p.parent.id : p.parent.externalId.split(":")[1]),
    root: p.root && ("id" in p.root ? p.root.id : p.root.externalId.split(":")[1]),
    depth: p.depth,
    number: p.number,
  }));

describe("threading imported comments", () => {
  it("places a child that comes before its parent, parents first, numbering questions by date", () => {
    const late = c("3", null, { createdAt: new Date(Date.UTC(2019, 0, 1)) });
    const plan = planThreads([c("2", "1"), c("1", null), late], new Map(), 0);
    expect(shape(plan)).toEqual([
      { id: "3", parent: null, root: null, depth: 1, number: 1 },
      { id: "1", parent: null, root: null, depth: 1, number: 2 },
      { id: "2", parent: "1", root: "1", depth: 2, number: null },
    ]);
  });

  it("keeps replies deeper than five levels at depth five, answering their own parent", () => {
    const chain = [c("1", null), ...[2, 3, 4, 5, 6, 7].map((n) => c(String(n), String(n - 1)))];
    const plan = planThreads(chain.reverse(), new Map(), 0);
    expect(shape(plan).map((p) => [p.id, p.parent, p.depth])).toEqual([
      ["1", null, 1],
      ["2", "1", 2],
      ["3", "2", 3],
      ["4", "3", 4],
      ["5", "4", 5],
      ["6", "5", 5],
      ["7", "6", 5],
    ]);
    expect(plan.capped).toBe(2);
    expect(plan.posts.every((p) => !p.root || ("externalId" in p.root && p.root.externalId === "wordpress:1"))).toBe(
      true,
    );
  });

  it("attaches a comment whose parent is missing, or that loops, to the thread and says so", () => {
    const plan = planThreads([c("1", "99"), c("2", "3"), c("3", "2")], new Map(), 0);
    expect(plan.orphans.sort()).toEqual(["wordpress:1", "wordpress:3"]);
    expect(shape(plan).find((p) => p.id === "2")).toMatchObject({ parent: "3", depth: 2 });
  });

  it("numbers only published questions, after the article's last number", () => {
    const plan = planThreads(
      [c("1", null, { status: "pending" }), c("2", null), c("3", null, { status: "spam" })],
      new Map(),
      7,
    );
    expect(shape(plan).map((p) => p.number)).toEqual([null, 8, null]);
    expect(plan.lastQuestionNumber).toBe(8);
  });

  it("adds only what an earlier run did not bring, under the posts it did", () => {
    const imported = new Map<string, ImportedPost>([
      ["wordpress:1", { id: 41, externalId: "wordpress:1", depth: 1, rootId: null, sectionId: null }],
      ["wordpress:2", { id: 42, externalId: "wordpress:2", depth: 2, rootId: 41, sectionId: null }],
    ]);
    const plan = planThreads([c("1", null), c("2", "1"), c("3", "2"), c("3", "2")], imported, 1);
    expect(plan.alreadyImported).toBe(2);
    expect(plan.repeated).toBe(1);
    expect(shape(plan)).toEqual([{ id: "3", parent: 42, root: 41, depth: 3, number: null }]);
  });
});
