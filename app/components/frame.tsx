// Pages shown inside another site's page (embed.js) are this site's own pages
// under /embed/: the components that link between pages ask here, so that a
// frame's links stay in the frame, and a page the frame does not have (an
// edit form, a feed, the account) opens on Afterword in a new tab.
import { useLocation } from "@remix-run/react";
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
