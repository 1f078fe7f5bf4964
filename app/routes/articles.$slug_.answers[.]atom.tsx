import type { LoaderFunctionArgs } from "@remix-run/node";
import { answersFeed, feedResponse } from "~/feeds/feeds.server";

// The author's answers on an article, as an Atom feed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return feedResponse(request, await answersFeed(params.slug ?? ""));
}
