// GET /embed/page?url=… — where a page that embeds Afterword links without
// JavaScript (its <noscript>, or embed.js when it fails): that page's
// questions on Afterword, found by the page's address.
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { articleOfPage } from "~/embed/hosted-articles.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const slug = await articleOfPage(new URL(request.url).searchParams.get("url") ?? "");
  if (!slug) throw new Response("No article on Afterword is that page's.", { status: 404 });
  return redirect(`/articles/${slug}#questions`);
}
