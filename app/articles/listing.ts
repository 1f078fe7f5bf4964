// How the questions under an article can be listed; shared by the loader and the page.
export const THREADS_PER_PAGE = 20;
/** The orders readers can list questions in, each with its link's words, in the order the links show. */
export const SORT_LABELS = {
  oldest: "Oldest first",
  newest: "Newest first",
  unanswered: "Unanswered",
  replies: "Most replies",
} as const;
export type ThreadSort = keyof typeof SORT_LABELS;
export const SORTS = Object.keys(SORT_LABELS) as ThreadSort[];

export function parseSort(value: string | null): ThreadSort {
  return SORTS.find((s) => s === value) ?? "oldest";
}
