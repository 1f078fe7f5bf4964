// The reader's forms as the page and the server both name them: which form an
// answer is for, and what the answer carries.
import type { ServerAnswer } from "~/utils/answers";
import type { Suggestion } from "~/search/found";

/** The ask form, or the reply form under one post. */
export function postFormId(parentId: string | number | null | undefined) {
  return parentId ? `reply-form-${parentId}` : "ask-form";
}

/**
 * Conform's result for the form named; with a preview, the rendered text and,
 * for a question, the published questions like it.
 */
export type PostAnswer = ServerAnswer & { previewHtml?: string; similar?: Suggestion[] };
