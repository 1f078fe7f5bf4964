// The article page's data: the one shared copy of the page when nothing on
// the request is personal, else the page as this reader sees it (their own
// pending posts, the reply form the address opened, their name).
import { type LoaderFunctionArgs, data } from "@remix-run/node";
import { getArticlePage } from "~/articles/article-page.server";
import { parseSort } from "~/articles/listing";
import { cachedByVersion, currentVersion, sharedPage, sharedPageAddress } from "~/articles/page-cache.server";
import { hasPersonalCookies } from "~/auth/visitor.server";
import { readerPage, replyToParam } from "~/posts/reader-page.server";

export async function loadArticlePage({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const slug = params.slug ?? "";
  const pageNumber = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const query = {
    sort: parseSort(url.searchParams.get("sort")),
    page: Number.isFinite(pageNumber) ? pageNumber : 1,
    section: url.searchParams.get("section"),
  };
  const reader = await readerPage(request);
  const ask = url.searchParams.get("ask");
  const replyTo = replyToParam(url);

  const address = sharedPageAddress(url);
  if (address && !hasPersonalCookies(request) && !replyTo && !ask) {
    // Nothing personal on this page: the one copy every reader of this version shares.
    const version = await currentVersion(slug);
    if (!version) throw new Response("Not found", { status: 404 });
    const key = `${slug}?${query.sort}&${query.page}&${query.section ?? ""}`;
    const page = await cachedByVersion(key, version, async () => {
      const article = await getArticlePage(slug, query);
      return article && { ...article, replyTo: null, askSection: "suggest", guestName: null };
    });
    if (!page) throw new Response("Not found", { status: 404 });
    return data(sharedPage(page, { key: address.key, version }), { headers: reader.headers });
  }

  const article = await getArticlePage(slug, query, reader.viewer);
  if (!article) throw new Response("Not found", { status: 404 });
  return data(
    {
      ...article,
      replyTo,
      askSection: ask && article.sections.some((s) => s.anchor === ask) ? ask : "suggest",
      guestName: reader.guestName,
    },
    { headers: reader.headers },
  );
}
