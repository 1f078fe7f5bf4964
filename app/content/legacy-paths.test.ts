import { describe, expect, it } from "vitest";
import { normaliseLegacyPath } from "./legacy-paths";

describe("old addresses", () => {
  it("keeps WordPress's ?p= and ?page_id= and nothing else of a query", () => {
    expect(normaliseLegacyPath("/?p=123")).toBe("/?p=123");
    expect(normaliseLegacyPath("https://old.example/?p=0123&utm_source=x")).toBe("/?p=123");
    expect(normaliseLegacyPath("/index.php?page_id=7")).toBe("/?page_id=7");
    expect(normaliseLegacyPath("/?p=abc")).toBeNull();
    expect(normaliseLegacyPath("/")).toBeNull();
  });

  it("reads a permalink without its host, trailing slash, case or query", () => {
    expect(normaliseLegacyPath("http://old.example/2019/05/Old-Slug/")).toBe("/2019/05/old-slug");
    expect(normaliseLegacyPath("/old-slug/?replytocom=4")).toBe("/old-slug");
    expect(normaliseLegacyPath("//old-slug//")).toBeNull();
    expect(normaliseLegacyPath("/caf%C3%A9/")).toBe("/café");
    expect(normaliseLegacyPath("/bad%E0%A4%A")).toBeNull();
    expect(normaliseLegacyPath("javascript:alert(1)")).toBeNull();
  });
});
