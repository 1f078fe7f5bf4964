// How the questions under an article can be listed; shared by the loader and the page.
export const THREADS_PER_PAGE = 20;
export const SORTS = ["oldest", "newest", "unanswered", "replies"] as const;
export type ThreadSort = (typeof SORTS)[number];
export const SORT_LABELS: Record<ThreadSort, string> = {
  oldest: "Oldest first",
  newest: "Newest first",
  unanswered: "Unanswered",
  replies: "Most replies",
};

export function parseSort(value: string | null): ThreadSort {
  return SORTS.find((s) => s === value) ?? "oldest";
}
