import { describe, expect, it } from "vitest";
import { passwordFromLines, passwordProblem } from "~/auth/passwords.server";

describe("a password piped to user:create", () => {
  it("is the first line, confirmed by an equal second line", () => {
    expect(passwordFromLines("a long passphrase\n")).toEqual({ ok: true, password: "a long passphrase" });
    expect(passwordFromLines("a long passphrase\na long passphrase\n")).toEqual({
      ok: true,
      password: "a long passphrase",
    });
    expect(passwordFromLines("a long passphrase\r\na long passphrase\r\n")).toMatchObject({ ok: true });
  });
  it("is refused when the confirmation differs or more lines follow, never stored with a line break", () => {
    expect(passwordFromLines("a long passphrase\nanother one here\n")).toMatchObject({ ok: false });
    expect(passwordFromLines("one\ntwo\nthree")).toMatchObject({ ok: false });
  });
  it("cannot contain a line break or a control character", () => {
    expect(passwordProblem("first line\nsecond line", "x@example.com")).toMatch(/line breaks/);
    expect(passwordProblem("tab\tinside a password", "x@example.com")).toMatch(/control characters/);
  });
});
