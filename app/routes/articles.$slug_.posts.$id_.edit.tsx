import { Refusal } from "~/utils/refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm-button";
import { useActionAt } from "~/components/form-anchor";
import { FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { OwnPostForm, deleteOwnPost, editOwnPost, loadOwnPost } from "~/posts/own-posts.server";
import { postPermalink } from "~/model/paths";
import { getVisitor } from "~/auth/visitor.server";
import { flashHeaders } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { showDateTime } from "~/utils/dates";
import { parseSubmission, refuse, refused, requireId } from "~/utils/form.server";
import { BackLink } from "~/components/back-link";

export const meta: MetaFunction = () => [{ title: "Edit your post — Afterword" }];

function notYours(error: unknown): never {
  if (error instanceof Refusal) throw new Response(error.message, { status: error.status });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await getVisitor(request);
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
  const submission = await parseSubmission(request, OwnPostForm);
  if (submission.status !== "success") return refuse(submission);
  const visitor = await getVisitor(request, context);
  try {
    if (submission.value.intent === "delete") {
      // Without JavaScript the first press asks (the dialog does with it).
      if (submission.value.confirmed !== "yes") return data({ confirmDelete: true });
      const { article } = await deleteOwnPost(visitor, id);
      return redirect(`/articles/${article.slug}`, {
        headers: await flashHeaders("Your post is deleted. It no longer shows on the page."),
      });
    }
    const result = await editOwnPost(visitor, id, submission.value.body);
    const message = !result.changed
      ? "Nothing changed in your post."
      : result.status === "pending"
        ? "Your post is updated. A moderator will read it before it shows again."
        : "Your post is updated.";
    return redirect(postPermalink(params.slug ?? "", id), { headers: await flashHeaders(message) });
  } catch (error) {
    return refused(submission, error);
  }
}

export default function EditOwnPost() {
  const { post, article, editableUntil, canEdit } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // Without JavaScript the confirmation step opens where the button was.
  const deleteAt = useActionAt("delete");
  const confirmDelete = Boolean(answer && "confirmDelete" in answer && answer.confirmDelete);
  const [form, fields] = useServerForm("own-post", confirmDelete ? undefined : (answer as never), { body: post.body });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-page">
      <BackLink to={`/articles/${article.slug}`}>{article.title}</BackLink>
      <h1>Edit your {post.isQuestion ? "question" : "reply"}</h1>
      {canEdit ? (
        <Form method="post" className="auth-form" {...formProps(form)}>
          <FormError form={form} />
          <TextareaField
            meta={fields.body}
            label="Your text"
            rows={8}
            hint={
              <>
                You can edit until <time dateTime={editableUntil.iso}>{editableUntil.text}</time>. The text before is
                kept, and the post shows “edited”.
                {post.pending ? "" : " Unless your posts publish at once, a moderator reads it again first."}
              </>
            }
          />
          <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
            Save changes
          </button>
        </Form>
      ) : (
        <>
          <FormError form={form} />
          <p>
            The time to edit this post ended at <time dateTime={editableUntil.iso}>{editableUntil.text}</time>. You can
            still delete it.
          </p>
        </>
      )}
      <h2 id="delete">Delete it</h2>
      {confirmDelete ? (
        // The second step, without JavaScript: nothing is deleted until this button.
        <Form method="post" action={deleteAt} aria-label="Confirm: delete your post" className="confirm-step">
          <p>
            <strong>Delete this {post.isQuestion ? "question" : "reply"}?</strong> Readers will no longer see it, and
            you cannot bring it back. Moderators keep the text.
          </p>
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit" className="button button--danger" disabled={busy} autoFocus>
            Yes, delete my post
          </button>{" "}
          <Link to={`/articles/${article.slug}/posts/${post.id}/edit`} className="button">
            Keep it
          </Link>
        </Form>
      ) : (
        <Form method="post" action={deleteAt} aria-label="Delete your post">
          <p>It will no longer show on the page. Moderators keep the text.</p>
          <ConfirmButton
            question={`Delete your ${post.isQuestion ? "question" : "reply"}? Readers will no longer see it.`}
            type="submit"
            name="intent"
            value="delete"
            className="button button--danger"
            disabled={busy}
          >
            Delete my post
          </ConfirmButton>
        </Form>
      )}
    </div>
  );
}
