// Every detail of Remix, turbo-stream and React that the article page's fast
// path depends on, in one place. None of them is a public API: each is how
// the installed version happens to work, and an upgrade may change it. The
// test beside this file (internals.test.ts) checks each one against the
// installed packages and names the one that changed; the kept page, the
// reader's page made from it and their hydration data are built on these.

/** The route ids the article page's loader data is kept under, as Remix names them from app/routes/. */
export const ROUTE_IDS = { root: "root", article: "routes/articles.$slug" } as const;

/** How Remix (single fetch) hands a page's loader data to the browser: this call, with one string argument. */
export const DATA_SCRIPT_PREFIX = "window.__remixContext.streamController.enqueue(";

/** turbo-stream's stand-ins for values that take no element of its array. */
export const TURBO_STREAM = {
  HOLE: -1,
  NAN: -2,
  NEGATIVE_INFINITY: -3,
  NEGATIVE_ZERO: -4,
  NULL: -5,
  POSITIVE_INFINITY: -6,
  UNDEFINED: -7,
} as const;

/** What React's server renderer puts between two text nodes side by side, so that hydration can tell them apart. */
export const REACT_TEXT_SEPARATOR = "<!-- -->";

/**
 * The major version of React whose server renderer sends unwritten bytes as
 * NULs at the end of a 2,048-byte chunk (facebook/react#26228; react-chunks.ts).
 */
export const REACT_WITH_CHUNK_BUG = 18;
