import { useEffect } from "react";

/**
 * An old link to an imported comment ("…/old-slug/#comment-456") arrives here
 * through the article's 301 with its anchor kept, which no server ever sees:
 * the page sends it on to the comment's new place.
 */
export function OldCommentAnchor({ slug }: { slug: string }) {
  useEffect(() => {
    const old = /^#comment-(\d{1,20})$/.exec(window.location.hash);
    if (old) window.location.replace(`/articles/${slug}/comments/${old[1]}`);
  }, [slug]);
  return null;
}
