// Pages shown inside another site's page (embed.js) are this site's own pages
// under /embed/: the components that link between pages ask here, so that a
// frame's links stay in the frame, and a page the frame does not have (an
// edit form, a feed, the account) opens on Afterword in a new tab.
import { useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { framedPath, isFramePath } from "~/model/paths";

export function useFrame() {
  const inFrame = isFramePath(useLocation().pathname);
  return {
    inFrame,
    /** The address a link goes to from this page. */
    href: (path: string) => (inFrame ? framedPath(path) : path),
    /** A link's target: a page the frame does not have opens in a new tab. */
    target: (path: string) => (inFrame && framedPath(path) === path ? "_blank" : undefined),
  };
}

/**
 * In a frame, tells the frame's script (public/embed-frame.js) each time Remix moves to another page without
 * loading one, so that it reports the page and its height to the page around the frame.
 */
export function useFrameMoves(inFrame: boolean) {
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (inFrame) window.dispatchEvent(new Event("afterword:moved"));
  }, [inFrame, pathname, search]);
}
