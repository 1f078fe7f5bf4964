// Why a reader may report a post; the list the report form offers and the server accepts.
export const REPORT_REASONS = [
  "Spam or advertising",
  "Abusive or hateful",
  "Off topic",
  "Shares someone’s private information",
  "Copies protected text",
] as const;
