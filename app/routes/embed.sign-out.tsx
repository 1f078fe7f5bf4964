// /embed/sign-out — signing out inside a frame: ends the frame's session and
// returns to the frame's page.
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { safeRedirect } from "~/auth/guards.server";
import { endSession } from "~/auth/sign-in.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm } from "~/utils/form.server";

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await readForm(request);
  const back = safeRedirect(form.get("redirectTo"), "/");
  return endSession(request, back.startsWith("/embed/") ? back : "/");
}
