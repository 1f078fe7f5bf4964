import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { confirmAddress } from "~/mail/subscriptions.server";

export const meta: MetaFunction = () => [
  { title: "Address confirmed — Afterword" },
  { name: "robots", content: "noindex" },
];

// The link in a confirmation email. Confirming twice is harmless.
export async function loader({ request }: LoaderFunctionArgs) {
  const address = await confirmAddress(new URL(request.url).searchParams.get("token"));
  if (!address) {
    throw new Response(
      "This confirmation link is not one we sent, or it is more than a week old. Ask again with your email, and use the new link.",
      { status: 410, statusText: "This link does not work any more" },
    );
  }
  return { address };
}

export default function Confirmed() {
  const { address } = useLoaderData<typeof loader>();
  return (
    <div className="auth-page">
      <h1>Thank you, your address is confirmed</h1>
      <p>
        We will email <strong>{address}</strong> when the author answers or someone replies. Every email has a link to
        stop it.
      </p>
      <p>
        <Link to="/">Back to the articles</Link>
      </p>
    </div>
  );
}
