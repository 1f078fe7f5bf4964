// Older / newer links for long lists (queue, inbox, search results), keeping the other query parameters.
import { Link, useSearchParams } from "@remix-run/react";

export function PageLinks({
  page,
  pageCount,
  label,
  newestFirst = false,
  ranked = false,
}: {
  page: number;
  pageCount: number;
  label: string;
  /** A list that starts with the newest (the audit log): its next page is older. */
  newestFirst?: boolean;
  /** A list in order of relevance (search results): pages are before and after, not older or newer. */
  ranked?: boolean;
}) {
  const [back, forward] = ranked
    ? ["← Previous", "Next →"]
    : newestFirst
      ? ["← Newer", "Older →"]
      : ["← Older", "Newer →"];
  const [params] = useSearchParams();
  if (pageCount <= 1) return null;
  const to = (n: number) => `?${new URLSearchParams({ ...Object.fromEntries(params), page: String(n) })}`;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link rel="prev" to={to(page - 1)}>
          {back}
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link rel="next" to={to(page + 1)}>
          {forward}
        </Link>
      ) : null}
    </nav>
  );
}
