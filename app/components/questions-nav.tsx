// The links around an article's list of questions: sort orders and pages,
// each keeping the section filter, and landing at the list's first question
// (not at the ask form above it).
import { Link } from "@remix-run/react";
import { SORTS, SORT_LABELS, type ThreadSort } from "~/articles/listing";
import { useFrame } from "~/components/frame";

/** The id of the list of questions (or of the note that there are none). */
export const QUESTION_LIST = "question-list";

export function listHref(slug: string, params: { sort?: string; section?: string | null; page?: number }) {
  const search = new URLSearchParams();
  if (params.section) search.set("section", params.section);
  if (params.sort && params.sort !== "oldest") search.set("sort", params.sort);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return `/articles/${slug}${query ? `?${query}` : ""}#${QUESTION_LIST}`;
}

export function SortLinks({ slug, current, section }: { slug: string; current: ThreadSort; section: string | null }) {
  const { href } = useFrame();
  return (
    <nav className="sort-links" aria-label="Sort questions">
      <span>Sort:</span>
      {SORTS.map((sort) =>
        sort === current ? (
          <span key={sort} aria-current="true" className="sort-links__current">
            {SORT_LABELS[sort]}
          </span>
        ) : (
          <Link key={sort} to={href(listHref(slug, { sort, section }))}>
            {SORT_LABELS[sort]}
          </Link>
        ),
      )}
    </nav>
  );
}

export function QuestionPages(props: {
  slug: string;
  sort: ThreadSort;
  section: string | null;
  page: number;
  pageCount: number;
}) {
  const { slug, sort, section, page, pageCount } = props;
  const { href } = useFrame();
  if (pageCount <= 1) return null;
  const to = (n: number) => href(listHref(slug, { sort, section, page: n }));
  return (
    <nav className="pagination" aria-label="Pages of questions">
      {page > 1 ? (
        <Link rel="prev" to={to(page - 1)}>
          ← Earlier page
        </Link>
      ) : null}
      <ol>
        {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>{n === page ? <span aria-current="page">{n}</span> : <Link to={to(n)}>{n}</Link>}</li>
        ))}
      </ol>
      {page < pageCount ? (
        <Link rel="next" to={to(page + 1)}>
          Next page →
        </Link>
      ) : null}
    </nav>
  );
}
