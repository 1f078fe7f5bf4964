import { describe, expect, it } from "vitest";
import { pageWindow } from "./pages";

describe("pageWindow", () => {
  it("takes the page asked for, and the last one for a page past the end", () => {
    expect(pageWindow(120, 50, 2)).toEqual({ page: 2, pageCount: 3, skip: 50, take: 50 });
    expect(pageWindow(120, 50, 9)).toEqual({ page: 3, pageCount: 3, skip: 100, take: 50 });
    expect(pageWindow(0, 50, 1)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 50 });
  });
});
