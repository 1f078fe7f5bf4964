// Why a reader may report a post; the list the report form offers and the server accepts.
export const REPORT_REASONS = [
  "Spam or advertising",
  "Abusive or hateful",
  "Off topic",
  "Shares someone’s private information",
  "Copies protected text",
] as const;

// Why a moderator did not publish a post: the list the queue's Reject offers; the writer is told the one chosen.
export const REJECT_REASONS = [
  "It is not a question about this article",
  "It asks for the paid programme’s content, which we cannot share",
  "The same question is already asked and answered on the page",
  "It shares someone’s private details",
  "It is advertising",
] as const;

/** How long a reader's note on a report may be. */
export const REPORT_NOTE_MAX = 500;
