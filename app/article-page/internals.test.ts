// Each Remix, turbo-stream and React detail the article page's fast path
// depends on (internals.ts), checked against the installed packages. A failure
// names the detail that an upgrade changed, and where the fast path uses it.
import { createElement } from "react";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { renderToString } from "react-dom/server";
import { encode } from "turbo-stream";
import { describe, expect, it } from "vitest";
import {
  DATA_SCRIPT_PREFIX,
  REACT_TEXT_SEPARATOR,
  REACT_WITH_CHUNK_BUG,
  ROUTE_IDS,
  TURBO_STREAM,
} from "~/article-page/internals";

const require = createRequire(import.meta.url);
const changed = (what: string, where: string) =>
  `${what} changed in the installed packages: update app/article-page/internals.ts and ${where}, ` +
  `or leave the fast path off (PAGE_SPLICE=0) until it is`;

/** turbo-stream's encoding of one value, as the array the browser decodes. */
async function encoded(value: unknown): Promise<unknown[]> {
  let text = "";
  const decoder = new TextDecoder();
  const reader = encode({ k: value }).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value);
  return JSON.parse(text.split("\n")[0]) as unknown[];
}

describe("the Remix and React internals the article page depends on", () => {
  it("turbo-stream's stand-ins for values that take no element", async () => {
    const values: [keyof typeof TURBO_STREAM, unknown][] = [
      ["NULL", null],
      ["UNDEFINED", undefined],
      ["NAN", NaN],
      ["POSITIVE_INFINITY", Infinity],
      ["NEGATIVE_INFINITY", -Infinity],
      ["NEGATIVE_ZERO", -0],
    ];
    for (const [name, value] of values) {
      const [object] = (await encoded(value)) as [Record<string, number>];
      expect(object._1, changed(`turbo-stream's ${name} stand-in`, "hydration-data.ts")).toBe(TURBO_STREAM[name]);
    }
    // eslint-disable-next-line no-sparse-arrays
    const holes = (await encoded([1, , 2])).find(Array.isArray) as number[];
    expect(holes[1], changed("turbo-stream's HOLE stand-in", "hydration-data.ts")).toBe(TURBO_STREAM.HOLE);
  });

  it("Remix's script that hands the loader data to the browser", () => {
    const source = readFileSync(require.resolve("@remix-run/react/dist/single-fetch.js"), "utf8");
    expect(
      source.includes(`\`${DATA_SCRIPT_PREFIX}\${`),
      changed("Remix's hydration data script (window.__remixContext.streamController.enqueue)", "page-template.ts"),
    ).toBe(true);
  });

  it("Remix's route ids for the article page", async () => {
    const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
      flatRoutes: (appDirectory: string, ignored?: string[]) => Record<string, { id: string; path?: string }>;
    };
    const routes = flatRoutes(path.resolve("app"), ["**/*.test.ts", "**/*.test.tsx"]);
    const article = Object.values(routes).find((route) => route.path === "articles/:slug");
    expect(article?.id, changed("The article page's route id", "personal-page.server.tsx")).toBe(ROUTE_IDS.article);
  });

  it("React's separator between two text nodes", () => {
    const html = renderToString(createElement("p", null, "a", "b"));
    expect(html, changed("React's text separator", "page-cache.server.ts (reusableThreads)")).toBe(
      `<p>a${REACT_TEXT_SEPARATOR}b</p>`,
    );
  });

  it("React's server renderer with the chunk bug that react-chunks.ts works around", () => {
    const { version } = require("react-dom/package.json") as { version: string };
    expect(
      Number(version.split(".")[0]),
      changed("React's major version (facebook/react#26228 is fixed in 19)", "react-chunks.ts and render.server.tsx"),
    ).toBe(REACT_WITH_CHUNK_BUG);
  });
});
