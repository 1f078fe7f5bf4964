// Where readers find a post. A question is known by its public number, the
// one answers and the audit log use ("#12"); any post also has a permalink by
// its id, which forwards to where the post shows (its writer's pending posts
// included).
// The slug is encoded: a path may be built from an address's own text, which a Location header could not hold.
export const questionPath = (slug: string, number: number) =>
  `/articles/${encodeURIComponent(slug)}/questions/${number}`;
export const postPermalink = (slug: string, id: number) => `/articles/${encodeURIComponent(slug)}/posts/${id}`;

// Afterword inside other sites' pages (embed.js): the pages a frame shows live under /embed/, beside the site's own.
export const FRAME_PREFIX = "/embed/";
export const isFramePath = (pathname: string) => pathname.startsWith(FRAME_PREFIX);
/** The article's questions, a thread, a permalink and an old comment's address: the pages a frame has. */
const FRAMED_PAGE = /^\/articles\/[^/?#]+(?:\/(?:questions|posts|comments)\/[^/?#]+)?(?=[?#]|$)/;
/** Where a frame goes for a path of the site: the frame's own page for it, where there is one; else the path. */
export const framedPath = (path: string) => (FRAMED_PAGE.test(path) ? `/embed${path}` : path);

/** A writer's history for staff; the key is `writerKeyOf`'s (moderation/writers.server). */
export const writerPath = (key: string) => `/moderation/writers/${encodeURIComponent(key)}`;
