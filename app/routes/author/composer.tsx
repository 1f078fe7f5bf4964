// One question's answer box in the author's inbox: templates, link pickers,
// the copyright guard's findings, and the answer itself.
import { Form, useFetcher } from "@remix-run/react";
import { type ReactNode, useRef } from "react";
import { Field, FormError, type Meta, SelectField, TextareaField, formProps, useServerForm } from "~/components/field";
import { useActionAt } from "~/components/form-anchor";
import type { ServerAnswer } from "~/utils/answers";
import { SimilarQuestion } from "~/components/similar-questions";
import type { Suggestion } from "~/search/found";

type Links = { slug: string; sections: { anchor: string; title: string }[] };
type FoundQuestion = { number: number; asker: string; excerpt: string };

/** How long the author pauses typing before questions are looked up. */
const FIND_DELAY_MS = 250;

/**
 * "Point to a question": a field that takes "#12" as typed (without
 * JavaScript too), and, as the author types a number or words, offers the
 * article's questions that match in its list (/author/find-question).
 */
function QuestionFinder(props: { id: number; articleSlug: string; meta: Meta; error?: string[] }) {
  const fetcher = useFetcher<{ questions: FoundQuestion[] }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const listId = `find-question-${props.id}`;
  const found = fetcher.data?.questions ?? [];
  return (
    <div className="composer__templates">
      <Field
        meta={props.meta}
        label="Point to a question"
        hint="Its number, like #12, or words from it to find it."
        list={listId}
        autoComplete="off"
        onInput={(event) => {
          const q = event.currentTarget.value.trim();
          clearTimeout(timer.current);
          if (q.length < 2 && !/^#?\d+$/.test(q)) return;
          timer.current = setTimeout(
            () => fetcher.load(`/author/find-question?${new URLSearchParams({ article: props.articleSlug, q })}`),
            FIND_DELAY_MS,
          );
        }}
      />
      <datalist id={listId}>
        {found.map((q) => (
          <option key={q.number} value={`#${q.number} by ${q.asker}`}>
            {q.excerpt}
          </option>
        ))}
      </datalist>
      {props.error?.length ? <FormError message={props.error.join(" ")} /> : null}
      <button type="submit" name="intent" value="point" className="button" formNoValidate>
        Point to it
      </button>
      <p className="visually-hidden" aria-live="polite">
        {fetcher.data ? `${found.length} ${found.length === 1 ? "question" : "questions"} found` : ""}
      </p>
    </div>
  );
}
export type ComposerAnswer = ServerAnswer & { draft?: string; copyright?: { passages: string[]; sources: string[] } };

function Highlighted({ text, passages }: { text: string; passages: string[] }) {
  // Mark each repeated passage where it stands in the answer.
  const parts: { text: string; marked: boolean }[] = [];
  let rest = text;
  for (const passage of passages) {
    const at = rest.indexOf(passage);
    if (at === -1) continue;
    parts.push({ text: rest.slice(0, at), marked: false }, { text: passage, marked: true });
    rest = rest.slice(at + passage.length);
  }
  parts.push({ text: rest, marked: false });
  return (
    <p className="guard-text">
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

/** A list to choose from and the button that puts the choice into the answer. */
function Picker(props: { meta: Meta; label: string; intent: string; button: string; children: ReactNode }) {
  return (
    <div className="composer__templates">
      <SelectField meta={props.meta} label={props.label} defaultValue="">
        {props.children}
      </SelectField>
      <button type="submit" name="intent" value={props.intent} className="button">
        {props.button}
      </button>
    </div>
  );
}

export function Composer(props: {
  questionId: number;
  asker: string;
  templates: { id: number; name: string; category: string }[];
  links: Links;
  isAdmin: boolean;
  answer: ComposerAnswer | undefined;
  /** Answered questions like this one, each with a button that points the answer to it. */
  similar: Suggestion[];
}) {
  const { questionId: id, answer } = props;
  const [form, fields] = useServerForm(`composer-${id}`, answer);
  const mine = answer?.form === `composer-${id}` ? answer : undefined;
  // Without JavaScript the answer comes back at the answer box and its messages, below the pickers.
  const action = useActionAt(`compose-${id}`);
  const body = mine?.draft ?? "";
  const templateId = (mine?.result?.initialValue?.templateId as string | undefined) ?? "";
  return (
    <Form method="post" action={action} className="composer" aria-label={`Answer ${props.asker}`} {...formProps(form)}>
      <input type="hidden" name="questionId" value={id} />
      <input type="hidden" name="templateId" value={templateId} />
      <FormError form={form} />
      {mine?.copyright ? (
        <section className="guard" aria-label="Protected text found">
          <p>Passages that repeat {mine.copyright.sources.map((s) => `“${s}”`).join(" and ")} are highlighted:</p>
          <Highlighted text={body} passages={mine.copyright.passages} />
          <button type="submit" name="intent" value="copyright" className="button">
            Use the copyright template instead
          </button>
          {props.isAdmin ? (
            <div className="field">
              <label htmlFor={`override-${id}`}>Reason to publish anyway (admins only; recorded)</label>
              <input id={`override-${id}`} name="overrideReason" />
            </div>
          ) : null}
        </section>
      ) : null}
      {props.similar.length > 0 ? (
        <section className="similar similar-answered" aria-label={`Answered questions like ${props.asker}’s`}>
          <h3 className="similar__title">You answered questions like this one</h3>
          <ol className="similar__list">
            {props.similar.map((s) => (
              <SimilarQuestion key={s.id} question={s} meta={s.section ?? "The whole article"}>
                <button type="submit" name="intent" value={`point:${s.number}`} className="button">
                  Point to #{s.number}
                </button>
              </SimilarQuestion>
            ))}
          </ol>
        </section>
      ) : null}
      <Picker meta={fields.templateIdChoice} label="Template" intent="insert" button="Insert template">
        <option value="">Choose a template…</option>
        {props.templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.category ? `${t.category}: ` : ""}
            {t.name}
          </option>
        ))}
      </Picker>
      <Picker meta={fields.linkChoice} label="Link a section" intent="link" button="Insert link">
        <option value="">Choose a section…</option>
        {props.links.sections.map((s) => (
          <option key={s.anchor} value={`§${s.anchor}`}>
            {s.title} (§{s.anchor})
          </option>
        ))}
      </Picker>
      <QuestionFinder id={id} articleSlug={props.links.slug} meta={fields.pointChoice} error={fields.pointTo.errors} />
      <span id={`compose-${id}`} className="composer__anchor" />
      <TextareaField
        key={`${templateId}-${body.length}`}
        meta={fields.body}
        label="Your answer"
        rows={6}
        defaultValue={body}
        hint="Write #12 to point to question 12, and §section-id to point to a section (or use “Insert link”); both become links."
      />
      <button type="submit" name="intent" value="answer" className="button button--primary">
        Publish answer
      </button>
    </Form>
  );
}
