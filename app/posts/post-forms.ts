// The reader's forms as the page and the server both name them: which form an
// answer is for, and what the answer carries.
import type { ServerAnswer } from "~/components/field";

/** The ask form, or the reply form under one post. */
export function postFormId(parentId: string | number | null | undefined) {
  return parentId ? `reply-form-${parentId}` : "ask-form";
}

/** Conform's result for the form named, and the rendered preview when one was asked for. */
export type PostAnswer = ServerAnswer & { previewHtml?: string };
