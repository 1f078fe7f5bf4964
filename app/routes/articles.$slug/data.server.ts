// The article page's data: the one shared copy of the page when nothing on
// the request is personal, else the page as this reader sees it (their own
// posts, the reply form the address opened, their name), made from the same
// shared copy (app/articles/article-page.server.ts).
import { type LoaderFunctionArgs, data } from "@remix-run/node";
import { type ArticlePageQuery, withViewer } from "~/articles/article-page.server";
import { parseSort } from "~/articles/listing";
import { sharedListing, sharedPage, sharedPageAddress } from "~/article-page/render.server";
import { articleVersion, currentVersion } from "~/articles/versions.server";
import { hasPersonalCookies } from "~/auth/visitor.server";
import { readerPage, replyToParam } from "~/posts/reader-page.server";

export function articlePageQuery(url: URL): Required<ArticlePageQuery> {
  const pageNumber = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  return {
    sort: parseSort(url.searchParams.get("sort")),
    page: Number.isFinite(pageNumber) ? pageNumber : 1,
    section: url.searchParams.get("section"),
  };
}

export async function loadArticlePage({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const slug = params.slug ?? "";
  const query = articlePageQuery(url);
  const reader = await readerPage(request);
  const ask = url.searchParams.get("ask");
  const replyTo = replyToParam(url);
  const address = sharedPageAddress(url);
  const personal = !address || hasPersonalCookies(request) || replyTo !== null || ask !== null;

  // A personal page reads the version afresh, so a writer's next page always shows what they just did.
  const version = personal ? await articleVersion(slug) : await currentVersion(slug);
  const cached = version ? await sharedListing(slug, query, version) : null;
  if (!version || !cached) throw new Response("Not found", { status: 404 });
  if (!personal) {
    // Nothing personal on this page: the one copy every reader of this version shares, with no cookie, so that a
    // shared cache keeps it for every new visitor (docs/decisions/0007-untimed-first-posts.md).
    return data(sharedPage(cached.shared, { key: address.key, version }));
  }
  const page = await withViewer(cached.listing, reader.viewer);
  return data(
    {
      ...page,
      replyTo,
      askSection: ask && page.sections.some((s) => s.anchor === ask) ? ask : "suggest",
      guestName: reader.guestName,
    },
    { headers: reader.headers },
  );
}
