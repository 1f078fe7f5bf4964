// npm run search:rebuild — builds the full-text search index again from every
// post's text, and the word counts its suggestions are weighted by. Posts are
// indexed as they are written; run this after an import or a restore (both run
// it themselves), or to repair an index a tool outside Afterword changed.
import { db } from "~/db.server";
import { rebuildSearchIndex } from "~/search/search.server";

const started = performance.now();
await rebuildSearchIndex();
const posts = await db.post.count();
console.log(
  `Rebuilt the search index over ${posts.toLocaleString("en-US")} posts in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
await db.$disconnect();
