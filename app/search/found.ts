// What a search or a suggestion gives the page: one published post, with what a
// reader needs to judge it (shared by the server and the components that show it).
import type { Piece } from "~/search/terms";

export type Found = {
  id: number;
  /** The question's public number (the post's own, or its thread's). */
  number: number;
  isQuestion: boolean;
  href: string;
  article: { slug: string; title: string };
  section: string | null;
  name: string;
  byAuthor: boolean;
  /** For a question: whether the article's author answered in its thread. */
  authorAnswered: boolean;
  replyCount: number;
  /** Readers who have the question too. */
  meToo: number;
  /** Readers whom an answer in the thread answered ("This answered my question"). */
  answeredMarks: number;
  publishedAt: string | null;
  excerpt: Piece[];
};

/** A similar question, with how alike it is (0 to 1). */
export type Suggestion = Found & { likeness: number };
