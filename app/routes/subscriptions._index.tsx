import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { followedBy, manageToken, stopFollowing } from "~/mail/subscriptions.server";
import { deleteByEmailLink, guestPostsByEmail } from "~/posts/own-posts.server";
import { answerRefusal } from "~/utils/form.server";
import { questionPath } from "~/model/paths";
import { flashHeaders } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { idField, parseSubmission } from "~/utils/form.server";

export const meta: MetaFunction = () => [
  { title: "What you follow — Afterword" },
  { name: "robots", content: "noindex" },
];

// The page any email links to: what the address follows, each stoppable, without an account.
async function addressOf(token: string | null | undefined) {
  const managed = await manageToken(token ?? null);
  if (!managed) {
    throw new Response(
      "This link is not one we sent, or it has expired. The newest email from us has a link that works.",
      { status: 410, statusText: "This link does not work any more" },
    );
  }
  return managed;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const managed = await addressOf(token);
  const posts = (await guestPostsByEmail(managed.address)).map((p) => ({
    id: p.id,
    pending: p.status !== "published",
    excerpt: p.excerpt,
    article: p.article,
  }));
  return { token, address: managed.address, followed: await followedBy(managed.addressId), posts };
}

const StopForm = z.union([
  z.object({ token: z.string(), stop: z.union([z.literal("all"), z.coerce.number().pipe(idField())]) }),
  // A guest deletes one of the posts this address wrote.
  z.object({ token: z.string(), deletePost: z.coerce.number().pipe(idField()) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await parseSubmission(request, StopForm);
  if (submission.status !== "success") {
    throw new Response("This form is not one of ours. Open the link in your email again.", { status: 400 });
  }
  const managed = await addressOf(submission.value.token);
  const back = `/subscriptions?token=${encodeURIComponent(submission.value.token)}`;
  if ("deletePost" in submission.value) {
    const postId = submission.value.deletePost;
    await answerRefusal(() => deleteByEmailLink(managed.address, postId));
    return redirect(back, {
      headers: await flashHeaders("Done: your post is deleted. Its text is kept for no one else to read."),
    });
  }
  const stop = submission.value.stop;
  const count = await stopFollowing(managed.addressId, stop === "all" ? null : stop);
  const message =
    stop === "all"
      ? "Done: we will send nothing more to this address about what it followed."
      : count > 0
        ? "Done: you no longer follow that."
        : "You had already stopped following that.";
  return redirect(back, { headers: await flashHeaders(message) });
}

export default function Subscriptions() {
  const { token, address, followed, posts } = useLoaderData<typeof loader>();
  return (
    <div className="auth-page">
      <h1>What you follow</h1>
      <p>
        Emails to <strong>{address}</strong>.
      </p>
      {followed.length === 0 ? (
        <p>Nothing: we send no more notifications to this address.</p>
      ) : (
        <ul className="followed">
          {followed.map((f) => (
            <li key={f.id}>
              <Form method="post" className="inline-form">
                <input type="hidden" name="token" value={token ?? ""} />
                {f.thread ? (
                  <>
                    Question {f.thread.number ?? ""} by {f.thread.asker} on{" "}
                    <Link
                      to={
                        f.thread.number ? questionPath(f.article.slug, f.thread.number) : `/articles/${f.article.slug}`
                      }
                    >
                      {f.article.title}
                    </Link>
                  </>
                ) : (
                  <>
                    The author’s answers on <Link to={`/articles/${f.article.slug}`}>{f.article.title}</Link>
                  </>
                )}{" "}
                <button type="submit" name="stop" value={f.id} className="link-button">
                  Stop<span className="visually-hidden"> following this</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {followed.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="token" value={token ?? ""} />
          <button type="submit" name="stop" value="all" className="button">
            Stop all mail to this address
          </button>
        </Form>
      ) : null}
      <h2>Your posts</h2>
      {posts.length === 0 ? (
        <p>No post written as a guest with this address is on the page or waiting.</p>
      ) : (
        <ul className="followed">
          {posts.map((p) => (
            <li key={p.id}>
              <Form method="post" className="inline-form" aria-label={`Your post on ${p.article.title}`}>
                <input type="hidden" name="token" value={token ?? ""} />“{p.excerpt}” on{" "}
                <Link to={`/articles/${p.article.slug}`}>{p.article.title}</Link>
                {p.pending ? " (awaiting moderation)" : ""}{" "}
                <button type="submit" name="deletePost" value={p.id} className="link-button">
                  Delete<span className="visually-hidden"> this post</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
