import { describe, expect, it } from "vitest";
import { isWrittenBy } from "~/model/writer";

describe("isWrittenBy", () => {
  it("matches an account by its id and a guest by their cookie, and nobody else", () => {
    expect(isWrittenBy({ userId: "u1", guestKey: null }, { userId: "u1", guestKey: null })).toBe(true);
    expect(isWrittenBy({ userId: null, guestKey: "g1" }, { userId: null, guestKey: "g1" })).toBe(true);
    expect(isWrittenBy({ userId: null, guestKey: "g1" }, { userId: null, guestKey: "g2" })).toBe(false);
    expect(isWrittenBy({ userId: "u1", guestKey: null }, { userId: "u2", guestKey: null })).toBe(false);
    expect(isWrittenBy({ userId: null, guestKey: null }, { userId: null, guestKey: null })).toBe(false);
    expect(isWrittenBy({ userId: "u1", guestKey: null }, undefined)).toBe(false);
  });
});
