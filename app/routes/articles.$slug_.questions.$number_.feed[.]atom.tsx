import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse, threadFeed } from "~/feeds/feeds.server";
import { positiveInt } from "~/utils/form.server";

// One thread as an Atom feed. Its public address is /articles/:slug/questions/:number.atom,
// which the thread's own route forwards here (a route's segment is either a number or a name).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = positiveInt(params.number);
  return feedResponse(request, number ? await threadFeed(params.slug ?? "", number) : null);
}
