import { describe, expect, it } from "vitest";
import { configProblems } from "~/config.server";

describe("the environment", () => {
  it("is fine empty: every setting has a default", () => {
    expect(configProblems({})).toEqual([]);
  });
  it("reads EMBED_ORIGINS as a list of origins, and refuses anything that is not one", () => {
    expect(configProblems({ EMBED_ORIGINS: "https://blog.example.com, http://localhost:8080/" })).toEqual([]);
    for (const bad of ["blog.example.com", "https://blog.example.com/posts", "ftp://example.com", "*"]) {
      expect(configProblems({ EMBED_ORIGINS: bad }), bad).toEqual([expect.stringMatching(/^EMBED_ORIGINS: /)]);
    }
  });
  it("names every malformed value by its variable", () => {
    const problems = configProblems({
      PORT: "eighty",
      DATABASE_POOL_SIZE: "0",
      TRUST_PROXY: "yes",
      SITE_URL: "example.com",
      SITE_TIMEZONE: "Mars/Olympus",
      SESSION_SECRET: "short",
      DATABASE_URL: "postgresql://h/db?schema=bad-name",
    });
    for (const name of [
      "PORT",
      "DATABASE_POOL_SIZE",
      "TRUST_PROXY",
      "SITE_URL",
      "SITE_TIMEZONE",
      "SESSION_SECRET",
      "DATABASE_URL",
    ]) {
      expect(
        problems.some((line) => line.startsWith(`${name}:`)),
        name,
      ).toBe(true);
    }
  });
  it("treats a variable set but empty as unset", () => {
    expect(configProblems({ PORT: "", SITE_URL: "" })).toEqual([]);
  });
});
