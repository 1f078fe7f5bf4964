import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/field";
import { OwnPostError, deleteOwnPost, editOwnPost, loadOwnPost } from "~/posts/own-posts.server";
import { postPermalink } from "~/posts/paths";
import { readVisitor } from "~/posts/visitor.server";
import { flashCookie } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { showDateTime } from "~/utils/dates";
import { readForm, requireId } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Edit your post — Afterword" }];

function notYours(error: unknown): never {
  if (error instanceof OwnPostError) throw new Response(error.message, { status: error.status });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await readVisitor(request);
  const { post, editableUntil } = await loadOwnPost(visitor, requireId(params.id)).catch(notYours);
  if (post.article.slug !== params.slug) throw new Response("Not found", { status: 404 });
  return {
    post: {
      id: post.id,
      body: post.bodySource,
      pending: post.status !== "published",
      isQuestion: post.parentId === null,
    },
    article: post.article,
    editableUntil: showDateTime(editableUntil),
    canEdit: Date.now() <= editableUntil.getTime(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const id = requireId(params.id);
  const form = await readForm(request);
  const visitor = await readVisitor(request, context);
  const intent = form.get("intent");
  const body = String(form.get("body") ?? "");
  const flash = async (message: string) => ({
    "Set-Cookie": await (await flashCookie()).serialize({ message }),
  });
  try {
    if (intent === "delete") {
      const { article } = await deleteOwnPost(visitor, id);
      return redirect(`/articles/${article.slug}`, {
        headers: await flash("Your post is deleted. It no longer shows on the page."),
      });
    }
    if (intent !== "save") return data({ error: "This form sent an unknown action.", body }, { status: 400 });
    const result = await editOwnPost(visitor, id, body);
    const message = !result.changed
      ? "Nothing changed in your post."
      : result.status === "pending"
        ? "Your post is updated. A moderator will read it before it shows again."
        : "Your post is updated.";
    return redirect(postPermalink(params.slug ?? "", id), { headers: await flash(message) });
  } catch (error) {
    if (error instanceof OwnPostError) return data({ error: error.message, body }, { status: error.status });
    throw error;
  }
}

export default function EditOwnPost() {
  const { post, article, editableUntil, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-page">
      <p className="breadcrumb">
        <Link to={`/articles/${article.slug}`}>← {article.title}</Link>
      </p>
      <h1>Edit your {post.isQuestion ? "question" : "reply"}</h1>
      {canEdit ? (
        <Form method="post" className="auth-form" noValidate>
          <FormError message={result?.error} />
          <div className="field">
            <label htmlFor="body">Your text</label>
            <textarea
              id="body"
              name="body"
              rows={8}
              defaultValue={result?.body ?? post.body}
              aria-describedby="body-hint"
            />
            <p className="field-hint" id="body-hint">
              You can edit until <time dateTime={editableUntil.iso}>{editableUntil.text}</time>. The text before is
              kept, and the post shows “edited”.
              {post.pending ? "" : " Unless your posts publish at once, a moderator reads it again first."}
            </p>
          </div>
          <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
            Save changes
          </button>
        </Form>
      ) : (
        <>
          <FormError message={result?.error} />
          <p>
            The time to edit this post ended at <time dateTime={editableUntil.iso}>{editableUntil.text}</time>. You can
            still delete it.
          </p>
        </>
      )}
      <h2>Delete it</h2>
      <Form method="post">
        <p>It will no longer show on the page. Moderators keep the text.</p>
        <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
          Delete my post
        </button>
      </Form>
    </div>
  );
}
