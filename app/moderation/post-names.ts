// How staff messages and the audit log name a post: by its question's public
// number (the one answers use, "#12") and its writer, the same words
// everywhere ("question 12 by Ann", "Ann’s reply in question 12"), with
// "the question by Ann" for one not yet published and so not yet numbered.
export type Nameable = { parentId: number | null; number: number | null; writer: string; rootNumber: number | null };

export function postName(post: Nameable): string {
  if (post.parentId === null) {
    return post.number !== null ? `question ${post.number} by ${post.writer}` : `the question by ${post.writer}`;
  }
  return post.rootNumber != null ? `${post.writer}’s reply in question ${post.rootNumber}` : `${post.writer}’s reply`;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
