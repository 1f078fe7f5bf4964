// Whose a post is: the account that wrote it, or, for a guest's post, the
// guest whose signed cookie wrote it. Used wherever a page or an action
// treats a post as the viewer's own.
type Writer = { userId: string | null; guestKey: string | null };

export function isWrittenBy(post: Writer, viewer: Writer | undefined | null): boolean {
  if (!viewer) return false;
  if (viewer.userId !== null) return post.userId === viewer.userId;
  return viewer.guestKey !== null && post.guestKey === viewer.guestKey;
}
