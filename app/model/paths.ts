// Where readers find a post. A question is known by its public number, the
// one answers and the audit log use ("#12"); any post also has a permalink by
// its id, which forwards to where the post shows (its writer's pending posts
// included).
// The slug is encoded: a path may be built from an address's own text, which a Location header could not hold.
export const questionPath = (slug: string, number: number) =>
  `/articles/${encodeURIComponent(slug)}/questions/${number}`;
export const postPermalink = (slug: string, id: number) => `/articles/${encodeURIComponent(slug)}/posts/${id}`;
