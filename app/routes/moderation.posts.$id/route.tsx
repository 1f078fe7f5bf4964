import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { editPost, loadPostPage } from "./data.server";
import { BackLink } from "~/components/back-link";

export const meta: MetaFunction = () => [{ title: "Edit a post — Afterword" }];

export const loader = loadPostPage;
export const action = editPost;

export default function EditPost() {
  const { post, original, removed, revisions } = useLoaderData<typeof loader>();
  const [form, fields] = useServerForm(`edit-${post.id}`, useActionData<typeof action>(), {
    body: post.bodySource,
    reason: "",
  });
  return (
    <div className="moderation moderation--edit">
      <BackLink to={"/moderation"}>Back to the queue</BackLink>
      <h1>Edit {post.writer}’s post</h1>
      <p>
        On <Link to={post.href}>{post.article.title}</Link> · {post.status}
      </p>
      <Form method="post" className="auth-form edit-form" {...formProps(form)}>
        <FormError form={form} />
        <input type="hidden" name="revision" value={post.revision} />
        <TextareaField
          meta={fields.body}
          label="Text"
          rows={14}
          hint="To trim for length, delete the passages to cut and save: each cut becomes “[EDITED FOR LENGTH]”. To change wording, give a reason and use the other button. Either way the text before is kept."
        />
        <Field meta={fields.reason} label="Reason (needed for an edit other than length)" />
        <div className="form-actions">
          <button type="submit" name="intent" value="edit_length" className="button button--primary">
            Save edit for length
          </button>
          <button type="submit" name="intent" value="edit" className="button">
            Edit for another reason
          </button>
        </div>
      </Form>
      {post.marks > 0 ? (
        <section aria-labelledby="marks-title" className="marks-admin">
          <h2 id="marks-title">Readers’ marks</h2>
          <p>
            {post.isQuestion
              ? `${post.marks} ${post.marks === 1 ? "reader has" : "readers have"} this question too.`
              : `${post.marks} ${post.marks === 1 ? "reader says" : "readers say"} this answered their question.`}{" "}
            If they look like abuse (a burst from new visitors), clear them: they are kept in the log and count no more.
          </p>
          <Form method="post">
            <input type="hidden" name="kind" value={post.isQuestion ? "me-too" : "answered"} />
            <button type="submit" name="intent" value="clear_marks" className="button">
              Clear these marks
            </button>
          </Form>
        </section>
      ) : null}
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
