// One post in the moderation queue: who wrote it and where, its flags and
// reports, its text, and the decisions (each a button; the letters with JavaScript).
import { ConfirmButton } from "~/components/confirm-button";
import { Form, Link } from "@remix-run/react";
import type { getQueue } from "~/moderation/queue.server";
import { REJECT_REASONS } from "~/model/report-reasons";
import { writerPath } from "~/model/paths";
import { BanFields } from "./ban-fields";

type Item = Awaited<ReturnType<typeof getQueue>>["items"][number];

export function QueueItem({
  item,
  current,
  onFocus,
  seesWriters,
}: {
  item: Item;
  current: boolean;
  onFocus: () => void;
  /** Moderators and admins open writers' histories; authors do not. */
  seesWriters: boolean;
}) {
  return (
    <article
      className={`queue-item${current ? " queue-item--current" : ""}`}
      data-queue-item
      tabIndex={-1}
      aria-label={`${item.isReply ? "Reply" : "Question"} by ${item.writer.name}`}
      onFocus={onFocus}
    >
      <header className="queue-item__header">
        <input
          type="checkbox"
          name="ids"
          value={item.id}
          form="bulk"
          id={`select-${item.id}`}
          aria-label={`Select the post by ${item.writer.name}`}
        />
        <strong>{item.writer.name}</strong>
        {item.writer.firstPost ? <span className="badge badge--first">First post</span> : null}
        {item.writer.account ? (
          <span className="queue-item__meta">account {item.writer.account.email}</span>
        ) : (
          <span className="queue-item__meta">guest{item.writer.email ? ` · ${item.writer.email}` : ""}</span>
        )}
        {item.writer.addressHash ? (
          <span className="queue-item__meta" title="A hash of the writer's address">
            address {item.writer.addressHash}
          </span>
        ) : null}
        <time className="queue-item__meta" dateTime={item.date.iso}>
          {item.date.text}
        </time>
        {seesWriters && item.writer.key ? (
          <Link className="queue-item__meta" to={writerPath(item.writer.key)}>
            Writer’s history<span className="visually-hidden">: {item.writer.name}</span>
          </Link>
        ) : null}
      </header>
      <p className="queue-item__where">
        {item.isReply ? "Reply" : "Question"} on <Link to={`/articles/${item.article.slug}`}>{item.article.title}</Link>
        {item.section ? ` · ${item.section}` : " · the whole article"}
        {item.status === "published" ? " · published" : ""}
      </p>
      {item.parent ? (
        <blockquote className="queue-item__parent">
          In reply to {item.parent.writer}: {item.parent.excerpt}
        </blockquote>
      ) : null}
      {item.flags.length || item.reports.length ? (
        <ul className="flags" aria-label="Flags">
          {item.flags.map((flag) => (
            <li key={flag} className="flag">
              {flag === "long" ? (
                `long (${item.length.toLocaleString("en-US")} characters)`
              ) : flag === "possible duplicate" && item.duplicateOf ? (
                <>
                  possible duplicate of{" "}
                  <a href={item.duplicateOf.href}>
                    #{item.duplicateOf.number} by {item.duplicateOf.name}
                  </a>
                </>
              ) : (
                flag
              )}
            </li>
          ))}
          {item.reports.map((reason, i) => (
            <li key={`r${i}`} className="flag flag--report">
              report: {reason}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="prose post__body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      <Form method="post" className="queue-item__actions">
        <input type="hidden" name="postId" value={item.id} />
        <input type="hidden" name="revision" value={item.revision} />
        <input type="hidden" name="status" value={item.status} />
        <label className="queue-item__reason">
          Reason told to the writer with Reject
          <select name="reason" defaultValue="">
            <option value="">None</option>
            {REJECT_REASONS.map((reason) => (
              <option key={reason}>{reason}</option>
            ))}
          </select>
        </label>
        <button type="submit" name="intent" value="approve" data-key="a" className="button button--primary">
          {item.status === "published" ? "Keep" : "Approve"}
        </button>
        <button type="submit" name="intent" value="reject" data-key="r" className="button">
          Reject
        </button>
        <button type="submit" name="intent" value="spam" data-key="s" className="button">
          Spam
        </button>
        <Link to={`/moderation/posts/${item.id}`} data-key="e" className="button">
          Edit for length
        </Link>
        {!item.writer.bannable ? null : (
          <details className="queue-item__ban">
            <summary>
              Ban writer…<span className="visually-hidden"> {item.writer.name}</span>
            </summary>
            <BanFields />
            {item.writer.addressHash ? (
              <label className="queue-item__ban-address">
                <input type="checkbox" name="banAddress" /> Also ban the address: every guest posting from it goes to
                spam (accounts there are not affected)
              </label>
            ) : null}
            <ConfirmButton
              question={`Ban ${item.writer.name}? Their posts go to spam until the ban ends or is lifted (on the list of bans).`}
              type="submit"
              name="intent"
              value="ban"
              className="button button--danger"
            >
              Ban writer
            </ConfirmButton>
          </details>
        )}
      </Form>
    </article>
  );
}
