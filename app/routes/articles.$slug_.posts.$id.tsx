import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { permalinkTarget } from "~/articles/article-page.server";
import { readerPage } from "~/posts/reader-page.server";
import { positiveInt } from "~/utils/form.server";

// A post's permalink by id: forwards to its question's page by number (301 for
// a published post), or, for its writer, to where a pending post waits.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = positiveInt(params.id);
  const reader = await readerPage(request);
  const target = id ? await permalinkTarget(params.slug ?? "", id, reader.viewer) : null;
  if (!target) throw new Response("Not found", { status: 404 });
  return redirect(target.path, { status: target.permanent ? 301 : 302 });
}
