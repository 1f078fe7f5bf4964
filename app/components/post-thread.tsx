import { Link } from "@remix-run/react";
import type { ShownThread } from "~/articles/article-page.server";

type Props = { thread: ShownThread; articleSlug: string };

/** A question and its replies, nested as they were written. */
export function PostThread({ thread, articleSlug }: Props) {
  return (
    <li className="thread">
      <PostItem post={thread} articleSlug={articleSlug} />
    </li>
  );
}

function PostItem({ post, articleSlug }: { post: ShownThread; articleSlug: string }) {
  const isQuestion = post.parentId === null;
  const threadHref = `/articles/${articleSlug}/questions/${post.rootId ?? post.id}`;
  return (
    <>
      <article
        id={`post-${post.id}`}
        className={`post${post.byArticleAuthor ? " post--author" : ""}${isQuestion ? " post--question" : ""}`}
        aria-label={`${isQuestion ? `Question ${post.number ?? ""}` : "Reply"} by ${post.writer}`}
      >
        <header className="post__header">
          {isQuestion && post.number !== null ? <span className="post__number">{post.number}.</span> : null}
          <span className="post__writer">{post.writer}</span>
          {post.byArticleAuthor ? <span className="badge badge--author">Post author</span> : null}
          <a className="post__date" href={`${threadHref}#post-${post.id}`} title="Permalink to this post">
            <time dateTime={post.date.iso}>{post.date.text}</time>
          </a>
          {isQuestion ? (
            post.section ? (
              <Link className="chip" to={`/articles/${articleSlug}#${post.section.anchor}`}>
                <span className="visually-hidden">About the section: </span>
                {post.section.title}
              </Link>
            ) : (
              <span className="chip chip--whole">The whole article</span>
            )
          ) : null}
        </header>
        <div className="post__body prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        {isQuestion ? (
          <footer className="post__footer">
            <Link to={threadHref}>{post.replies.length === 0 ? "Open this question" : `Open this thread`}</Link>
          </footer>
        ) : null}
      </article>
      {post.replies.length > 0 ? (
        <ol className="replies">
          {post.replies.map((reply) => (
            <li key={reply.id}>
              <PostItem post={reply} articleSlug={articleSlug} />
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
