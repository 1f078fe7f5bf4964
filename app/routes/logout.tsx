import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endSession } from "~/auth/sign-in.server";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "~/security/same-origin.server";

// Signing out is a POST from the header's button; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  if (!isSameOrigin(request)) throw new Response(CROSS_SITE_MESSAGE, { status: 403 });
  return endSession(request);
}
