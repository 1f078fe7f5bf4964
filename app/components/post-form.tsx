// The reader's forms: ask a question, reply in a thread. Plain HTML forms
// that post and redirect without JavaScript; with it, they post in place and
// keep the page where it is. Errors come back next to their fields with the
// text kept.
import { useActionData, useFetcher, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { FormError } from "~/components/field";
import type { PostActionData } from "~/posts/post-action.server";

export type SectionOption = { anchor: string; title: string };

type Props =
  | { kind: "ask"; sections: SectionOption[]; defaultSection: string; guestName: string | null }
  | { kind: "reply"; parentId: number; answering: string; guestName: string | null; onCancel?: () => void };

type DoneProps = { onPosted?: () => void };

const MARKDOWN_HINT = "You can use *emphasis*, **bold**, [links](https://…), lists, > quotes and `code`.";

/**
 * Where the form posts, and where to come back to after posting. The action
 * names the form's own anchor: without JavaScript, the page that answers a
 * refusal or a preview opens at the form, with its message in view, not at the
 * top of a long article.
 */
function useReturnTo(anchor: string) {
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  search.delete("replyto");
  search.delete("ask");
  const query = search.toString();
  return {
    action: `${location.pathname}${location.search}#${anchor}`,
    returnTo: location.pathname + (query ? `?${query}` : ""),
  };
}

export function PostForm(props: Props & DoneProps) {
  const fetcher = useFetcher<PostActionData>({ key: props.kind === "ask" ? "ask" : `reply-${props.parentId}` });
  const actionData = useActionData<PostActionData>();
  const parentKey = props.kind === "reply" ? String(props.parentId) : null;
  // Without JavaScript the page itself carries the action's answer; with it, the fetcher does.
  const fromPage = actionData && actionData.parentId === parentKey ? actionData : undefined;
  // A fetcher keeps its last answer after a post that redirected; that answer
  // (a refusal, a preview) belongs to the attempt before, so it is set aside.
  const [setAside, setSetAside] = useState<PostActionData | undefined>(undefined);
  const fetched = fetcher.data !== undefined && fetcher.data !== setAside ? fetcher.data : undefined;
  const result = fetched ?? fromPage;
  const submitted = result && result.intent !== "preview" ? result : null;
  const previewHtml = result?.intent === "preview" ? result.previewHtml : null;
  const errors = submitted?.fieldErrors ?? {};
  const values = result?.values ?? {};
  const { action, returnTo } = useReturnTo(props.kind === "ask" ? "ask" : `reply-${props.parentId}`);
  const id = useId();
  const [body, setBody] = useState<string | null>(null);
  const busy = fetcher.state !== "idle";
  const formRef = useRef<HTMLFormElement>(null);
  // After a refusal, take the reader to what needs fixing.
  useEffect(() => {
    if (!submitted) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (target) {
      if (target.getAttribute("role") === "alert") target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }, [submitted]);
  // A post that went through redirects, bringing no new answer: clear the form and its old messages.
  const wasBusy = useRef(false);
  const answerBefore = useRef<PostActionData | undefined>(undefined);
  const { onPosted } = props;
  useEffect(() => {
    if (busy) {
      if (!wasBusy.current) answerBefore.current = fetcher.data;
      wasBusy.current = true;
    } else if (wasBusy.current) {
      wasBusy.current = false;
      if (fetcher.data === undefined || fetcher.data === answerBefore.current) {
        setSetAside(fetcher.data);
        setBody("");
        onPosted?.();
      }
    }
  }, [busy, fetcher.data, onPosted]);
  const isAsk = props.kind === "ask";
  const signedIn =
    useRouteLoaderData<{ user: { displayName: string; publishesAtOnce: boolean } | null }>("root")?.user ?? null;
  const field = (name: string) => `${id}-${name}`;
  const described = (name: keyof typeof errors, extra?: string) =>
    [errors[name] ? `${field(name)}-error` : null, extra].filter(Boolean).join(" ") || undefined;

  return (
    <fetcher.Form
      ref={formRef}
      method="post"
      action={action}
      className={`post-form post-form--${props.kind}`}
      aria-labelledby={isAsk ? "ask-title" : undefined}
      aria-label={isAsk ? undefined : `Reply to ${props.answering}`}
      noValidate
    >
      <FormError message={submitted?.formError} />
      {errors.parentId ? (
        <p className="form-error" role="alert" id={`${field("parentId")}-error`}>
          {errors.parentId}
        </p>
      ) : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      {props.kind === "reply" ? <input type="hidden" name="parentId" value={props.parentId} /> : null}

      {signedIn ? (
        <p className="signed-in-note">
          Posting as <strong>{signedIn.displayName}</strong>
        </p>
      ) : (
        <div className="form-row">
          <div className="field">
            <label htmlFor={field("name")}>Name</label>
            <input
              id={field("name")}
              name="name"
              autoComplete="name"
              maxLength={200}
              required
              defaultValue={values.name ?? props.guestName ?? ""}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={described("name")}
            />
            {errors.name ? (
              <p className="field-error" id={`${field("name")}-error`}>
                {errors.name}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={field("email")}>Email (optional, never shown)</label>
            <input
              id={field("email")}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={values.email ?? ""}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={described("email")}
            />
            {errors.email ? (
              <p className="field-error" id={`${field("email")}-error`}>
                {errors.email}
              </p>
            ) : null}
          </div>
        </div>
      )}

      {props.kind === "ask" ? (
        <div className="field">
          <label htmlFor={field("section")}>Section</label>
          <select
            id={field("section")}
            name="section"
            defaultValue={values.section ?? props.defaultSection}
            aria-invalid={errors.section ? true : undefined}
            aria-describedby={described("section")}
          >
            <option value="suggest">Let us suggest</option>
            <option value="article">The whole article</option>
            {props.sections.map((s) => (
              <option key={s.anchor} value={s.anchor}>
                {s.title}
              </option>
            ))}
          </select>
          {errors.section ? (
            <p className="field-error" id={`${field("section")}-error`}>
              {errors.section}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="field">
        <label htmlFor={field("body")}>{isAsk ? "Your question" : "Your reply"}</label>
        <textarea
          id={field("body")}
          name="body"
          rows={isAsk ? 6 : 4}
          required
          value={body ?? values.body ?? ""}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={described("body", `${field("hint")}`)}
        />
        <p className="field-hint" id={field("hint")}>
          {MARKDOWN_HINT}
        </p>
        {errors.body ? (
          <p className="field-error" id={`${field("body")}-error`}>
            {errors.body}
          </p>
        ) : null}
      </div>

      {/* People never see this field; robots fill it in. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={field("website")}>Leave this field empty</label>
        <input id={field("website")} name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      {previewHtml !== null ? (
        <section className="preview" aria-label="Preview">
          <p className="preview__label">Preview</p>
          <div
            className="prose post__body"
            dangerouslySetInnerHTML={{ __html: previewHtml || "<p><em>Nothing to preview yet.</em></p>" }}
          />
        </section>
      ) : null}

      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value={isAsk ? "ask" : "reply"}
          className="button button--primary"
          disabled={busy}
        >
          {isAsk ? "Post question" : "Post reply"}
        </button>
        <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
          Preview
        </button>
        {props.kind === "reply" && props.onCancel ? (
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
        <span className="form-note">
          {signedIn?.publishesAtOnce
            ? `Your ${isAsk ? "question is" : "reply is"} published as soon as you post it.`
            : `${isAsk ? "Questions" : "Replies"} are published once a moderator has read them.`}
        </span>
      </div>
    </fetcher.Form>
  );
}

/**
 * A reply refused because the post it answered was hidden while it was being
 * written. Without JavaScript the page comes back without that post, so the
 * words are shown here instead of being lost.
 */
export function RefusedReply() {
  const actionData = useActionData<PostActionData>();
  if (actionData?.intent !== "reply" || !actionData.fieldErrors.parentId) return null;
  return (
    <section className="refused-reply" aria-labelledby="refused-reply-title">
      <h2 id="refused-reply-title">This reply could not be posted</h2>
      <FormError message={actionData.fieldErrors.parentId} />
      <div className="field">
        <label htmlFor="refused-reply-text">Your reply</label>
        <textarea id="refused-reply-text" rows={5} defaultValue={actionData.values.body ?? ""} readOnly />
        <p className="field-hint">Copy it if you like, or ask it as a new question below.</p>
      </div>
    </section>
  );
}
