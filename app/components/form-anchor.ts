import { useLocation } from "@remix-run/react";

/**
 * The address a form deep in a long page posts to: this page, with the form's
 * own anchor. Without JavaScript the page that answers (a refusal, a preview,
 * a draft) opens at the form, its message in view, not at the top.
 */
export function useActionAt(anchor: string) {
  const location = useLocation();
  return `${location.pathname}${location.search}#${anchor}`;
}
