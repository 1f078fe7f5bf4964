import { describe, expect, it } from "vitest";
import { postName } from "./post-names";

describe("postName", () => {
  it("names questions by number and writer, and replies by their question", () => {
    expect(postName({ parentId: null, number: 12, writer: "Ann", rootNumber: null })).toBe("question 12 by Ann");
    expect(postName({ parentId: null, number: null, writer: "Ann", rootNumber: null })).toBe("the question by Ann");
    expect(postName({ parentId: 5, number: null, writer: "Bo", rootNumber: 12 })).toBe("Bo’s reply in question 12");
    expect(postName({ parentId: 5, number: null, writer: "Bo", rootNumber: null })).toBe("Bo’s reply");
  });
});
