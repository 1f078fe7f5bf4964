import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { legacyArticlePath } from "~/content/legacy-paths.server";

// Any path no route claims: an imported article's old address (301 to it), or
// a real 404, rendered by the root error boundary.
export async function loader({ request }: LoaderFunctionArgs) {
  const target = await legacyArticlePath(new URL(request.url));
  if (target) return redirect(target, 301);
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
