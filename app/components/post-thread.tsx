import { Form, Link, useLocation } from "@remix-run/react";
import { useCallback, useState } from "react";
import type { ShownThread } from "~/articles/article-page.server";
import { PostForm } from "~/components/post-form";
import { REPORT_REASONS } from "~/model/report-reasons";
import { postPermalink, questionPath } from "~/model/paths";
import { useFrame } from "~/components/frame";
import { listHref } from "~/components/questions-nav";

/** A disclosure that needs no JavaScript: report a post to the moderators. */
function ReportForm({ postId, writer }: { postId: number; writer: string }) {
  const location = useLocation();
  const id = `report-${postId}`;
  return (
    <details className="report">
      <summary>
        Report<span className="visually-hidden"> the post by {writer}</span>
      </summary>
      <Form
        method="post"
        action={`${location.pathname}${location.search}#post-${postId}`}
        aria-label={`Report the post by ${writer}`}
      >
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="postId" value={postId} />
        <input type="hidden" name="returnTo" value={location.pathname + location.search} />
        <label htmlFor={id}>Why?</label>
        <select id={id} name="reason" defaultValue="" required>
          <option value="" disabled>
            Choose a reason…
          </option>
          {REPORT_REASONS.map((reason) => (
            <option key={reason}>{reason}</option>
          ))}
        </select>
        <label htmlFor={`${id}-note`}>Anything to add? (optional)</label>
        <textarea id={`${id}-note`} name="note" rows={2} maxLength={500} />
        <button type="submit" className="button">
          Send report
        </button>
      </Form>
    </details>
  );
}

/**
 * "I have this question too" under a question, "This answered my question"
 * under a reply: the count, and a plain form that adds the reader's mark (or,
 * where the page knows the reader marked it, takes it back).
 */
function MarkForm({ post, marked }: { post: ShownThread; marked: boolean | null }) {
  const location = useLocation();
  const isQuestion = post.parentId === null;
  const kind = isQuestion ? "me-too" : "answered";
  const count = post.marks;
  const countText = isQuestion
    ? count === 1
      ? "1 reader has this question"
      : `${count} readers have this question`
    : count === 1
      ? "Answered 1 reader’s question"
      : `Answered ${count} readers’ questions`;
  const about = isQuestion ? `question ${post.number ?? ""} by ${post.writer}` : `the reply by ${post.writer}`;
  return (
    <Form
      method="post"
      action={`${location.pathname}${location.search}#post-${post.id}`}
      className="mark"
      aria-label={`${isQuestion ? "Have this question too" : "Mark as answering your question"}: ${about}`}
    >
      <input type="hidden" name="intent" value={marked ? `${kind}-back` : kind} />
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      {count > 0 ? <span className="mark__count">{countText}</span> : null}
      {post.mine ? null : marked ? (
        <>
          <span className="mark__mine">{isQuestion ? "You have this question too." : "You marked this."}</span>
          <button type="submit" className="button button--quiet">
            Take it back<span className="visually-hidden"> ({about})</span>
          </button>
        </>
      ) : (
        <button type="submit" className="button button--quiet">
          {isQuestion ? "I have this question too" : "This answered my question"}
          <span className="visually-hidden"> ({about})</span>
        </button>
      )}
    </Form>
  );
}

export type ThreadContext = {
  articleSlug: string;
  /** On the thread's own page: no link to open the thread it is on. */
  onThreadPage?: boolean;
  /** The reader's own marks ("kind:postId"), where the page is theirs alone; absent on a shared page. */
  marked?: string[];
  /** The post whose reply form the URL opened (`?replyto=`), for readers without JavaScript. */
  replyTo: number | null;
  guestName: string | null;
};

/** A question and its replies, nested as they were written. */
export function PostThread({ thread, context }: { thread: ShownThread; context: ThreadContext }) {
  return (
    <li className="thread">
      <PostItem post={thread} context={context} />
    </li>
  );
}

function replyHref(search: string, postId: number) {
  const params = new URLSearchParams(search);
  params.set("replyto", String(postId));
  params.delete("ask");
  return `?${params.toString()}#reply-${postId}`;
}

function PostItem({ post, context }: { post: ShownThread; context: ThreadContext }) {
  const location = useLocation();
  const [replying, setReplying] = useState(context.replyTo === post.id);
  const close = useCallback(() => setReplying(false), []);
  const isQuestion = post.parentId === null;
  const frame = useFrame();
  const threadHref = post.number !== null ? frame.href(questionPath(context.articleSlug, post.number)) : null;
  const permalink = postPermalink(context.articleSlug, post.id);
  const label = isQuestion
    ? post.number !== null
      ? `Question ${post.number} by ${post.writer}`
      : `Question by ${post.writer}`
    : `Reply by ${post.writer}`;
  return (
    <>
      <article
        id={`post-${post.id}`}
        className={`post${post.byArticleAuthor ? " post--author" : ""}${isQuestion ? " post--question" : ""}${post.pending ? " post--pending" : ""}`}
        aria-label={label}
      >
        <header className="post__header">
          {isQuestion && post.number !== null ? <span className="post__number">{post.number}.</span> : null}
          <span className="post__writer">{post.writer}</span>
          {post.byArticleAuthor ? <span className="badge badge--author">Post author</span> : null}
          {post.pending ? <span className="badge badge--pending">Awaiting moderation</span> : null}
          <a className="post__date" href={frame.href(permalink)} title="Permalink to this post">
            <time dateTime={post.date.iso}>{post.date.text}</time>
          </a>
          {post.edited ? <span className="post__edited">edited</span> : null}
          {isQuestion ? (
            post.section ? (
              <Link
                className="chip"
                to={
                  frame.inFrame
                    ? frame.href(listHref(context.articleSlug, { section: post.section.anchor }))
                    : `/articles/${context.articleSlug}#${post.section.anchor}`
                }
              >
                <span className="visually-hidden">About the section: </span>
                {post.section.title}
              </Link>
            ) : (
              <span className="chip chip--whole">The whole article</span>
            )
          ) : null}
        </header>
        {post.answers ? (
          <p className="post__answers">
            In reply to <a href={`#post-${post.answers.id}`}>{post.answers.writer}</a>
          </p>
        ) : null}
        <div className="post__body prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        {post.mine ? (
          <p className="post__own">
            <Link to={`${permalink}/edit`} target={frame.target(`${permalink}/edit`)}>
              Edit or delete<span className="visually-hidden"> your post</span>
            </Link>
          </p>
        ) : null}
        {post.pending ? (
          <p className="post__note">Only you can see this until a moderator approves it.</p>
        ) : (
          <footer className="post__footer">
            <a
              href={replyHref(location.search, post.id)}
              aria-expanded={replying}
              aria-controls={`reply-${post.id}`}
              onClick={(event) => {
                event.preventDefault();
                setReplying((open) => !open);
              }}
            >
              Reply<span className="visually-hidden"> to {post.writer}</span>
            </a>
            {isQuestion && threadHref && !context.onThreadPage ? <Link to={threadHref}>Open this thread</Link> : null}
            {isQuestion && post.number === null ? null : (
              <MarkForm
                post={post}
                marked={
                  context.marked ? context.marked.includes(`${isQuestion ? "me-too" : "answered"}:${post.id}`) : null
                }
              />
            )}
            {post.mine ? null : <ReportForm postId={post.id} writer={post.writer} />}
          </footer>
        )}
        <div id={`reply-${post.id}`}>
          {replying ? (
            <PostForm
              kind="reply"
              parentId={post.id}
              answering={post.writer}
              guestName={context.guestName}
              onCancel={close}
              onPosted={close}
            />
          ) : null}
        </div>
      </article>
      {post.replies.length > 0 ? (
        <ol className="replies">
          {post.replies.map((reply) => (
            <li key={reply.id}>
              <PostItem post={reply} context={context} />
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
