import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { FormError } from "~/components/field";
import { db } from "~/db.server";
import { removedParts } from "~/moderation/cuts";
import { ModerationError, mayModerate, moderate } from "~/moderation/moderate.server";
import { flashCookie } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm } from "~/utils/form.server";
import { showDateTime } from "~/utils/dates";
import { postPermalink } from "~/posts/paths";

export const meta: MetaFunction = () => [{ title: "Edit a post — Afterword" }];

const MODERATORS = ["author", "moderator", "admin"] as const;

async function loadPost(request: Request, id: string | undefined) {
  const actor = await requireRole(request, MODERATORS);
  const postId = Number(id);
  const post = Number.isSafeInteger(postId)
    ? await db.post.findUnique({
        where: { id: postId },
        select: {
          id: true,
          status: true,
          revision: true,
          bodySource: true,
          bodyHtml: true,
          rootId: true,
          guestName: true,
          user: { select: { displayName: true } },
          article: { select: { slug: true, title: true, authorId: true } },
          revisions: {
            orderBy: { revision: "asc" },
            select: {
              revision: true,
              bodySource: true,
              kind: true,
              reason: true,
              createdAt: true,
              editor: { select: { displayName: true } },
            },
          },
        },
      })
    : null;
  if (!post) throw new Response("Not found", { status: 404 });
  if (!mayModerate(actor, post.article.authorId)) {
    throw new Response("You can only moderate posts on your own articles.", { status: 403 });
  }
  return { actor, post };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { post } = await loadPost(request, params.id);
  const original = post.revisions[0]?.bodySource ?? null;
  return {
    post: {
      id: post.id,
      status: post.status,
      revision: post.revision,
      bodySource: post.bodySource,
      bodyHtml: post.bodyHtml,
      writer: post.user?.displayName ?? post.guestName ?? "Anonymous",
      article: { slug: post.article.slug, title: post.article.title },
      href: postPermalink(post.article.slug, post.id),
    },
    original,
    removed: original ? removedParts(original, post.bodySource) : null,
    revisions: post.revisions.map((r) => ({
      revision: r.revision,
      kind: r.kind,
      reason: r.reason,
      editor: r.editor?.displayName ?? "a moderator",
      date: showDateTime(r.createdAt),
      bodySource: r.bodySource,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { actor, post } = await loadPost(request, params.id);
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  const body = String(form.get("body") ?? "");
  const reason = String(form.get("reason") ?? "");
  if (intent !== "edit_length" && intent !== "edit")
    return data({ error: "Unknown action.", body, reason }, { status: 400 });
  try {
    await moderate(actor, intent, post.id, { body, reason, expectedRevision: Number(form.get("revision")) });
  } catch (error) {
    if (error instanceof ModerationError) return data({ error: error.message, body, reason }, { status: error.status });
    throw error;
  }
  return redirect("/moderation", {
    headers: {
      "Set-Cookie": await (
        await flashCookie()
      ).serialize({
        message: `Saved the edit to ${post.user?.displayName ?? post.guestName}’s post; the original is kept.`,
      }),
    },
  });
}

export default function EditPost() {
  const { post, original, removed, revisions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="moderation moderation--edit">
      <p className="breadcrumb">
        <Link to="/moderation">← Back to the queue</Link>
      </p>
      <h1>Edit {post.writer}’s post</h1>
      <p>
        On <Link to={post.href}>{post.article.title}</Link> · {post.status}
      </p>
      <Form method="post" className="auth-form edit-form">
        <FormError message={result?.error} />
        <input type="hidden" name="revision" value={post.revision} />
        <div className="field">
          <label htmlFor="body">Text</label>
          <textarea
            id="body"
            name="body"
            rows={14}
            defaultValue={result?.body ?? post.bodySource}
            aria-describedby="body-hint"
          />
          <p className="field-hint" id="body-hint">
            To trim for length, delete the passages to cut and save: each cut becomes “[EDITED FOR LENGTH]”. To change
            wording, give a reason and use the other button. Either way the text before is kept.
          </p>
        </div>
        <div className="field">
          <label htmlFor="reason">Reason (needed for an edit other than length)</label>
          <input id="reason" name="reason" defaultValue={result?.reason ?? ""} />
        </div>
        <div className="form-actions">
          <button type="submit" name="intent" value="edit_length" className="button button--primary">
            Save edit for length
          </button>
          <button type="submit" name="intent" value="edit" className="button">
            Edit for another reason
          </button>
        </div>
      </Form>
      {original && removed ? (
        <section aria-labelledby="original-title" className="original">
          <h2 id="original-title">The original, with what was cut</h2>
          <p className="diff">
            {removed.map((part, i) =>
              part.removed ? (
                <del key={i} title="Cut by a moderator">
                  {part.text}
                </del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
          <h3>Revisions</h3>
          <ol>
            {revisions.map((r) => (
              <li key={r.revision}>
                Revision {r.revision}, replaced by {r.editor} on {r.date.text} (
                {r.kind === "length" ? "for length" : r.reason}
                ):
                <pre className="revision-text">{r.bodySource}</pre>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
