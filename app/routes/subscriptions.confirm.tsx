import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { confirmAddress, followedBy } from "~/mail/subscriptions.server";
import { questionPath } from "~/model/paths";

export const meta: MetaFunction = () => [
  { title: "Address confirmed — Afterword" },
  { name: "robots", content: "noindex" },
];

// The link in a confirmation email. Confirming twice is harmless.
export async function loader({ request }: LoaderFunctionArgs) {
  const confirmed = await confirmAddress(new URL(request.url).searchParams.get("token"));
  if (!confirmed) {
    throw new Response(
      "This confirmation link is not one we sent, or it is more than a week old. Ask again with your email, and use the new link.",
      { status: 410, statusText: "This link does not work any more" },
    );
  }
  // What the address now gets, named: each question and article.
  return { address: confirmed.address, follows: await followedBy(confirmed.addressId) };
}

export default function Confirmed() {
  const { address, follows } = useLoaderData<typeof loader>();
  return (
    <div className="auth-page">
      <h1>Thank you, your address is confirmed</h1>
      <p>
        We will email <strong>{address}</strong> when the author answers or someone replies, about:
      </p>
      <ul>
        {follows.map((f) => (
          <li key={f.id}>
            {f.thread ? (
              <>
                {f.thread.number !== null ? (
                  <Link to={questionPath(f.article.slug, f.thread.number)}>
                    Question {f.thread.number} from {f.thread.asker}
                  </Link>
                ) : (
                  `A question from ${f.thread.asker}, awaiting moderation`
                )}{" "}
                on “{f.article.title}”
              </>
            ) : (
              <>
                The author’s answers on <Link to={`/articles/${f.article.slug}`}>“{f.article.title}”</Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>Every email has a link to stop it, or to change what you follow.</p>
      <p>
        <Link to="/">Back to the articles</Link>
      </p>
    </div>
  );
}
