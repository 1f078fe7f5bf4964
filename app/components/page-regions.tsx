// A page's regions: where each part that differs from reader to reader, and
// each thread, begins. Components mark them; what a renderer does with the
// marks is its own business (the article page's, app/article-page/, keeps a
// page for every reader and fills each reader's regions in). Marks are off
// unless a renderer turns them on, and every other render (the browser's
// included) has none.
import { createContext, useContext } from "react";

/** The render's mark token, or null (no marks). */
export const RegionMarks = createContext<string | null>(null);

/**
 * Where the region named `name` begins; it runs to the next mark. Marks stand
 * between elements only, never beside text, so that taking them out leaves the
 * bytes React would have written without them.
 */
export function RegionStart({ name }: { name: string }) {
  const token = useContext(RegionMarks);
  return token ? `\uE000${token}:${name}\uE001` : null;
}

/** Threads a renderer already has the HTML of: left out of this render (their marks stay). */
export const LeftOutThreads = createContext<ReadonlySet<number> | null>(null);

export function useLeftOutThreads() {
  return useContext(LeftOutThreads);
}
