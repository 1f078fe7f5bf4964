import { getArticlePage } from "~/articles/article-page.server";
import { db } from "~/db.server";
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (let i = 0; i < 100; i++) await getArticlePage("no-contact-after-a-breakup");
  console.log("page", ((performance.now() - t) / 100).toFixed(2), "ms");
  t = performance.now();
  for (let i = 0; i < 100; i++) await db.article.findUnique({ where: { slug: "no-contact-after-a-breakup" }, select: { id: true } });
  console.log("tiny", ((performance.now() - t) / 100).toFixed(2), "ms");
  t = performance.now();
  const a = await db.article.findUnique({ where: { slug: "no-contact-after-a-breakup" }, select: { id: true } });
  for (let i = 0; i < 100; i++) await db.post.findMany({ where: { articleId: a!.id, parentId: null, status: "published" }, take: 20, orderBy: { number: "asc" } });
  console.log("roots", ((performance.now() - t) / 100).toFixed(2), "ms");
  t = performance.now();
  for (let i = 0; i < 100; i++) await db.post.groupBy({ by: ["sectionId"], where: { articleId: a!.id, parentId: null, status: "published" }, _count: { _all: true } });
  console.log("group", ((performance.now() - t) / 100).toFixed(2), "ms");
}
