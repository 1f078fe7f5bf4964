// The reader's forms: ask a question, reply in a thread. Plain HTML forms
// that post and redirect without JavaScript; with it, they post in place and
// keep the page where it is. Errors come back next to their fields with the
// text kept.
import { useActionData, useFetcher, useLocation, useParams, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Field, FormError, type Meta, SelectField, TextareaField, formProps, useServerForm } from "~/components/field";
import { useActionAt } from "~/components/form-anchor";
import { SimilarQuestions } from "~/components/similar-questions";
import type { Suggestion } from "~/search/found";
import { type PostAnswer, postFormId } from "~/posts/post-forms";

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
  return { action: useActionAt(anchor), returnTo: location.pathname + (query ? `?${query}` : "") };
}

export function PostForm(props: Props & DoneProps) {
  const formId = postFormId(props.kind === "reply" ? props.parentId : null);
  const fetcher = useFetcher<PostAnswer>({ key: formId });
  const actionData = useActionData<PostAnswer>();
  // Without JavaScript the page itself carries the action's answer; with it, the fetcher does.
  const fromPage = actionData?.form === formId ? actionData : undefined;
  // A fetcher keeps its last answer after a post that redirected; that answer
  // (a refusal, a preview) belongs to the attempt before, so it is set aside,
  // and the form starts afresh (a new generation of it), empty and without messages.
  const [setAside, setSetAside] = useState<PostAnswer | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const fetched = fetcher.data !== undefined && fetcher.data !== setAside ? fetcher.data : undefined;
  const answer = fetched ?? fromPage;
  const busy = fetcher.state !== "idle";
  const wasBusy = useRef(false);
  const answerBefore = useRef<PostAnswer | undefined>(undefined);
  const { onPosted } = props;
  useEffect(() => {
    if (busy) {
      if (!wasBusy.current) answerBefore.current = fetcher.data;
      wasBusy.current = true;
    } else if (wasBusy.current) {
      wasBusy.current = false;
      // A post that went through redirects, bringing no new answer.
      if (fetcher.data === undefined || fetcher.data === answerBefore.current) {
        setSetAside(fetcher.data);
        setGeneration((n) => n + 1);
        onPosted?.();
      }
    }
  }, [busy, fetcher.data, onPosted]);
  return <PostFormFields key={generation} {...props} formId={formId} fetcher={fetcher} answer={answer} busy={busy} />;
}

function PostFormFields(
  props: Props & {
    formId: string;
    fetcher: ReturnType<typeof useFetcher<PostAnswer>>;
    answer: PostAnswer | undefined;
    busy: boolean;
  },
) {
  const { answer, busy, fetcher } = props;
  const isAsk = props.kind === "ask";
  const [form, fields] = useServerForm(props.formId, answer, {
    name: props.guestName ?? "",
    section: props.kind === "ask" ? props.defaultSection : undefined,
  });
  const previewHtml = answer?.previewHtml ?? null;
  const similar = useSimilarWhileTyping(isAsk);
  const { action, returnTo } = useReturnTo(isAsk ? "ask" : `reply-${props.parentId}`);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refusal, take the reader to what needs fixing (a field, or the form's own message).
  const refused = answer?.result?.status === "error" ? answer.result : null;
  // Once the page has settled (the answer, then the page's data read again), so that nothing takes the focus back.
  useEffect(() => {
    if (!refused || busy) return;
    const frame = requestAnimationFrame(() => {
      const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
      if (!target) return;
      if (target.getAttribute("role") === "alert") target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "center" });
    });
    return () => cancelAnimationFrame(frame);
  }, [refused, busy]);
  const signedIn =
    useRouteLoaderData<{ user: { displayName: string; publishesAtOnce: boolean; notifyReplies: boolean } | null }>(
      "root",
    )?.user ?? null;

  return (
    <fetcher.Form
      ref={formRef}
      method="post"
      action={action}
      className={`post-form post-form--${props.kind}`}
      aria-labelledby={isAsk ? "ask-title" : undefined}
      aria-label={isAsk ? undefined : `Reply to ${props.answering}`}
      {...formProps(form)}
    >
      <FormError form={form} message={fields.parentId.errors?.join(" ")} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {props.kind === "reply" ? <input type="hidden" name="parentId" value={props.parentId} /> : null}

      {signedIn ? (
        <p className="signed-in-note">
          Posting as <strong>{signedIn.displayName}</strong>
        </p>
      ) : (
        <div className="form-row">
          <Field meta={fields.name} label="Name" autoComplete="name" maxLength={200} required />
          <Field meta={fields.email} type="email" label="Email (optional, never shown)" autoComplete="email" />
        </div>
      )}

      {props.kind === "ask" ? (
        <SelectField meta={fields.section} label="Section">
          <option value="suggest">Let us suggest</option>
          <option value="article">The whole article</option>
          {props.sections.map((s) => (
            <option key={s.anchor} value={s.anchor}>
              {s.title}
            </option>
          ))}
        </SelectField>
      ) : null}

      <TextareaField
        meta={fields.body}
        label={isAsk ? "Your question" : "Your reply"}
        rows={isAsk ? 6 : 4}
        required
        hint={MARKDOWN_HINT}
        onInput={isAsk ? similar.onInput : undefined}
      />

      {isAsk ? (
        <SimilarQuestions
          id={`${props.formId}-similar`}
          articleSlug={similar.slug}
          suggestions={similar.suggestions ?? answer?.similar ?? null}
          busy={similar.busy}
          inAskForm
        />
      ) : null}

      <SubscribeBox
        meta={fields.subscribe}
        signedIn={signedIn !== null}
        ticked={signedIn?.notifyReplies ?? false}
        emailId={fields.email.id}
      />

      {/* People never see this field; robots fill it in. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={`${props.formId}-website`}>Leave this field empty</label>
        <input id={`${props.formId}-website`} name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
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

/** How long the reader pauses in their question before the similar ones are looked up. */
const TYPING_PAUSE_MS = 500;

/**
 * The published questions like the one being typed, looked up after a pause
 * (GET /articles/:slug/similar). The fetcher belongs to this form's
 * generation: after a post goes through, the list goes with the old text.
 */
function useSimilarWhileTyping(enabled: boolean) {
  const slug = useParams().slug ?? "";
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const asked = useRef("");
  const { load } = fetcher;
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = useCallback(
    (event: React.FormEvent<HTMLTextAreaElement>) => {
      if (!enabled) return;
      const text = event.currentTarget.value.trim().slice(0, 2000);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (text === asked.current) return;
        asked.current = text;
        load(`/articles/${encodeURIComponent(slug)}/similar?${new URLSearchParams({ q: text })}`);
      }, TYPING_PAUSE_MS);
    },
    [enabled, slug, load],
  );
  return { slug, onInput, suggestions: fetcher.data?.suggestions ?? null, busy: fetcher.state === "loading" };
}

/**
 * "Email me": for a signed-in reader, ticked as their account page says
 * (mail goes to their account's address); for a guest, ticked as soon as they give an email, unless they
 * untick it. Without JavaScript a guest ticks it themselves.
 */
function SubscribeBox(props: { meta: Meta; signedIn: boolean; ticked: boolean; emailId: string }) {
  const { meta, signedIn, emailId } = props;
  const box = useRef<HTMLInputElement>(null);
  const touched = useRef(false);
  useEffect(() => {
    if (signedIn) return;
    const email = document.getElementById(emailId) as HTMLInputElement | null;
    const follow = () => {
      if (!touched.current && box.current) box.current.checked = email!.value.trim() !== "";
    };
    email?.addEventListener("input", follow);
    return () => email?.removeEventListener("input", follow);
  }, [signedIn, emailId]);
  const sent = meta.initialValue as string | undefined;
  return (
    <div className="field field--checkbox">
      <input
        ref={box}
        type="checkbox"
        id={meta.id}
        name={meta.name}
        defaultChecked={sent !== undefined ? sent === "on" : props.ticked}
        onChange={() => {
          touched.current = true;
        }}
        aria-describedby={`${meta.id}-hint`}
      />
      <label htmlFor={meta.id}>Email me when the author answers or someone replies</label>
      <p className="field-hint" id={`${meta.id}-hint`}>
        {signedIn
          ? "To your account’s address. Every email has a link to stop it."
          : "To the email above; we ask you to confirm it first. Every email has a link to stop it."}
      </p>
    </div>
  );
}

/**
 * A reply refused because the post it answered was hidden while it was being
 * written. Without JavaScript the page comes back without that post, so the
 * words are shown here instead of being lost.
 */
export function RefusedReply() {
  const actionData = useActionData<PostAnswer>();
  const gone = actionData?.result?.error?.parentId;
  if (!actionData?.form?.startsWith("reply-form-") || !gone?.length) return null;
  return (
    <section className="refused-reply" aria-labelledby="refused-reply-title">
      <h2 id="refused-reply-title">This reply could not be posted</h2>
      <FormError message={gone.join(" ")} />
      <div className="field">
        <label htmlFor="refused-reply-text">Your reply</label>
        <textarea
          id="refused-reply-text"
          rows={5}
          defaultValue={String(actionData.result?.initialValue?.body ?? "")}
          readOnly
        />
        <p className="field-hint">Copy it if you like, or ask it as a new question below.</p>
      </div>
    </section>
  );
}
