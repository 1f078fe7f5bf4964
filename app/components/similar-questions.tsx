// Questions like the one being written, under the ask form (and an excerpt
// with the matching words marked, for search results too). Each opens its
// thread; the reader can still post theirs.
import type { ReactNode } from "react";
import type { Suggestion } from "~/search/found";
import type { Piece } from "~/search/terms";

export function Excerpt({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </>
  );
}

/** One question like another: who asked it (opening its thread), what is known of it, an excerpt, and an action. */
export function SimilarQuestion({
  question,
  meta,
  children,
}: {
  question: Suggestion;
  meta: ReactNode;
  /** Shown after the meta (the inbox's "Point to #n"). */
  children?: ReactNode;
}) {
  return (
    <li className="similar__item">
      <a href={question.href} className="similar__link">
        #{question.number} by {question.name}
      </a>
      <span className="similar__meta">{meta}</span>
      {children}
      <p className="similar__excerpt">
        <Excerpt pieces={question.excerpt} />
      </p>
    </li>
  );
}

export function SimilarQuestions({
  suggestions,
  id,
  articleSlug,
  busy = false,
  inAskForm = false,
}: {
  suggestions: Suggestion[] | null;
  id: string;
  /** Under the ask form, each suggestion can be chosen as the reader's question ("This is my question"). */
  inAskForm?: boolean;
  /** The article the form is under; a question of another article says which. */
  articleSlug: string;
  busy?: boolean;
}) {
  // The region is always there, so that screen readers announce what arrives in it.
  return (
    <section className="similar" aria-labelledby={`${id}-title`} aria-live="polite" aria-busy={busy}>
      {suggestions && suggestions.length > 0 ? (
        <>
          <h3 id={`${id}-title`} className="similar__title">
            Already asked? {suggestions.length === 1 ? "This question looks" : "These questions look"} like yours
          </h3>
          <ol className="similar__list">
            {suggestions.map((s) => (
              <SimilarQuestion
                key={s.id}
                question={s}
                meta={
                  <>
                    {s.article.slug === articleSlug ? (s.section ?? "The whole article") : `On “${s.article.title}”`}
                    {s.authorAnswered ? (
                      <>
                        {" · "}
                        <strong>Answered by the author</strong>
                      </>
                    ) : (
                      " · Not answered yet"
                    )}
                    {s.replyCount > 0 ? ` · ${s.replyCount} ${s.replyCount === 1 ? "reply" : "replies"}` : ""}
                    {s.meToo > 0 ? ` · ${s.meToo} ${s.meToo === 1 ? "reader has" : "readers have"} it too` : ""}
                  </>
                }
              >
                {inAskForm ? (
                  // Part of the ask form: it sends the email given below too, to follow the thread.
                  <button type="submit" name="mine" value={s.id} className="button button--quiet" formNoValidate>
                    This is my question<span className="visually-hidden"> (#{s.number})</span>
                  </button>
                ) : null}
              </SimilarQuestion>
            ))}
          </ol>
          <p className="similar__note">
            {inAskForm
              ? "If one of these is your question, choose “This is my question”: it counts you, follows its answers if you give your email below, and posts nothing. If none is, post yours below as it is."
              : "If none of these answers yours, post it below as it is."}
          </p>
        </>
      ) : (
        <h3 id={`${id}-title`} className="visually-hidden">
          {suggestions ? "No similar questions found" : "Similar questions"}
        </h3>
      )}
    </section>
  );
}
