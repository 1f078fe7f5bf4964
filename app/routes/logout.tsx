import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endSession } from "~/auth/sign-in.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm } from "~/utils/form.server";

// Signing out is a POST from the header's button; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await readForm(request); // the sign-out button sends a form; anything else is refused like everywhere
  return endSession(request);
}
