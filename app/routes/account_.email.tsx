// GET /account/email?token=… — the link sent to a new address: opening it makes
// it the account's address, and the old address is told. The link alone is the
// proof, so it works wherever it is opened.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { confirmEmailChange } from "~/mail/email-change.server";
import { answerRefusal } from "~/utils/form.server";

export const meta: MetaFunction = () => [
  { title: "Your new email address — Afterword" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const changed = await answerRefusal(() => confirmEmailChange(new URL(request.url).searchParams.get("token")));
  if (!changed) {
    throw new Response(
      "This link is not one we sent, it has expired, or it was used already. Ask for a new one on your account page.",
      {
        status: 410,
        statusText: "This link does not work any more",
      },
    );
  }
  return { address: changed.to };
}

export default function EmailChanged() {
  const { address } = useLoaderData<typeof loader>();
  return (
    <div className="auth-page">
      <h1>Your email address is now {address}</h1>
      <p>We told your old address too. Sign in with the new one from now on.</p>
      <p>
        <Link to="/account">Your account</Link>
      </p>
    </div>
  );
}
