// A post's life is one status field. Readers only ever see VISIBLE_STATUS;
// nothing is deleted, "deleted" is a status too.
export const POST_STATUSES = ["pending", "published", "rejected", "spam", "deleted"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const VISIBLE_STATUS: PostStatus = "published";

/** Threads nest at most this deep (the question is depth 1), as WordPress does. */
export const MAX_DEPTH = 5;
