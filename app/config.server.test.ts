import { describe, expect, it } from "vitest";
import { configProblems } from "~/config.server";

describe("the environment", () => {
  it("is fine empty: every setting has a default", () => {
    expect(configProblems({})).toEqual([]);
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
