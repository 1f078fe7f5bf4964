// Where readers find a post. A question is known by its public number, the
// one answers and the audit log use ("#12"); any post also has a permalink by
// its id, which forwards to where the post shows (its writer's pending posts
// included).
export const questionPath = (slug: string, number: number) => `/articles/${slug}/questions/${number}`;
export const postPermalink = (slug: string, id: number) => `/articles/${slug}/posts/${id}`;
