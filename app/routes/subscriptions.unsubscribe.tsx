import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { readMailToken } from "~/mail/tokens.server";
import { oneClickUnsubscribe } from "~/mail/subscriptions.server";

// RFC 8058 one-click unsubscribe: the mail client POSTs here, with no cookie
// and from no page of ours, so the token alone decides; it answers 200 every
// time, the second time too. A person who opens the link is shown the page
// where they choose.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  // A digest is chosen, and stopped, on the account page.
  if (await readMailToken(token, "digest")) return redirect("/account#profile-title");
  return redirect(`/subscriptions?token=${encodeURIComponent(token)}`);
}

export async function action({ request }: ActionFunctionArgs) {
  const done = await oneClickUnsubscribe(new URL(request.url).searchParams.get("token"));
  return new Response(done ? "Unsubscribed." : "This unsubscribe link is not one we sent, or it has expired.", {
    status: done ? 200 : 410,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
