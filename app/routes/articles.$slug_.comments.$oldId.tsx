import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { importedCommentId } from "~/content/legacy-paths.server";
import { postPermalink } from "~/model/paths";

// An imported comment by its id on the old site: the article page sends an old
// "#comment-456" anchor here, and this forwards to the post's permalink.
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const id = await importedCommentId(slug, params.oldId ?? "");
  if (id === null) throw new Response("Not found", { status: 404 });
  return redirect(postPermalink(slug, id), 301);
}
