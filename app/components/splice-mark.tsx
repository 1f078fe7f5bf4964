// Where a page kept for every reader has the parts that differ from reader to
// reader (app/article-page/personal-page.server.tsx). Only the server's render of
// a kept page turns the marks on; they are taken out of its bytes before
// anyone gets them, and every other render (the browser's included) has none.
import { createContext, useContext } from "react";

/** The render's mark token, or null (no marks). */
export const SpliceMarks = createContext<string | null>(null);

/**
 * A boundary named `name`: the personal part that starts here runs to the next
 * mark. Marks stand between elements only, never beside text, so that taking
 * them out leaves the bytes React would have written without them.
 */
export function SpliceMark({ name }: { name: string }) {
  const token = useContext(SpliceMarks);
  return token ? `\uE000${token}:${name}\uE001` : null;
}

/**
 * Threads whose HTML the server already has from the page kept before, the
 * same data rendered the same way: the render that keeps a new version of a
 * page leaves them out (their marks stay) and puts the kept bytes back in.
 */
export const ReusedThreads = createContext<ReadonlySet<number> | null>(null);

export function useReusedThreads() {
  return useContext(ReusedThreads);
}
