import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FormError, answerMessages } from "~/components/field";
import { PageLinks } from "~/components/page-links";
import { decide, loadQueue } from "./data.server";
import { BanFields } from "./ban-fields";
import { QueueItem } from "./queue-item";

export const meta: MetaFunction = () => [{ title: "Moderation queue — Afterword" }];

export const loader = loadQueue;
export const action = decide;

const HELP: [string, string][] = [
  ["j / k", "next / previous post"],
  ["a", "approve"],
  ["r", "reject"],
  ["s", "spam"],
  ["e", "edit for length"],
  ["u", "undo the last decision (for a minute)"],
  ["?", "show or hide this help"],
];

export default function ModerationQueue() {
  const { items, counts, page, pageCount, keepsBans } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const confirmBan = answer && "confirmBan" in answer ? answer.confirmBan : null;
  const navigate = useNavigate();
  const [current, setCurrent] = useState(0);
  const [help, setHelp] = useState(false);
  const list = useRef<HTMLOListElement>(null);

  // After a decision by keyboard the post leaves the queue: the next one, now in
  // its place, takes the focus, so the moderator can go on without the mouse.
  const decided = useRef(false);
  useEffect(() => {
    if (!decided.current) return;
    decided.current = false;
    const cards = list.current?.querySelectorAll<HTMLElement>("[data-queue-item]") ?? [];
    const next = Math.min(current, cards.length - 1);
    if (next >= 0) {
      setCurrent(next);
      cards[next].focus();
    }
  }, [items, current]);

  // Keyboard shortcuts, with JavaScript; every action is a button without it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      // Letters typed into a field are text; a ticked checkbox keeps the shortcuts working.
      const typing =
        /^(TEXTAREA|SELECT)$/.test(target.tagName) ||
        (target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type));
      if (event.metaKey || event.ctrlKey || event.altKey || typing) return;
      const cards = list.current?.querySelectorAll<HTMLElement>("[data-queue-item]") ?? [];
      const focus = (index: number) => {
        const next = Math.max(0, Math.min(cards.length - 1, index));
        setCurrent(next);
        cards[next]?.focus();
      };
      const press = (label: string) => {
        decided.current = true;
        cards[current]?.querySelector<HTMLButtonElement>(`button[data-key="${label}"]`)?.click();
      };
      switch (event.key) {
        case "j":
          focus(current + 1);
          break;
        case "k":
          focus(current - 1);
          break;
        case "a":
        case "r":
        case "s":
          press(event.key);
          break;
        case "e": {
          const link = cards[current]?.querySelector<HTMLAnchorElement>("a[data-key='e']");
          if (link) navigate(link.getAttribute("href")!);
          break;
        }
        case "u": {
          const undo = document.querySelector<HTMLButtonElement>("button[data-undo]");
          if (!undo) return;
          decided.current = true;
          undo.click();
          break;
        }
        case "?":
          setHelp((open) => !open);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, navigate]);

  return (
    <div className="moderation">
      <h1>Moderation queue</h1>
      <p className="moderation__counts">
        {counts.pending} pending · {counts.reported} reported · <Link to="/moderation/log">Audit log</Link> ·{" "}
        {keepsBans ? (
          <>
            <Link to="/moderation/bans">Bans</Link> ·{" "}
          </>
        ) : null}
        <button type="button" className="link-button link-button--dark" onClick={() => setHelp((open) => !open)}>
          Keyboard shortcuts
        </button>
      </p>
      <FormError message={answer && "result" in answer ? answerMessages(answer) : null} />
      {confirmBan ? (
        // The second step of a ban without JavaScript: nothing is done until this button.
        <Form method="post" className="confirm-step" aria-label="Confirm: ban the writer">
          <p>
            <strong>Ban the writer of {confirmBan.post}?</strong> Their posts go to spam from now on
            {confirmBan.banAddress ? ", and so do those of every guest posting from their address" : ""}. A ban is not
            undone from the queue.
          </p>
          <input type="hidden" name="intent" value="ban" />
          <input type="hidden" name="postId" value={confirmBan.postId} />
          <input type="hidden" name="confirmed" value="yes" />
          {confirmBan.revision !== undefined ? (
            <input type="hidden" name="revision" value={confirmBan.revision} />
          ) : null}
          {confirmBan.status ? <input type="hidden" name="status" value={confirmBan.status} /> : null}
          {confirmBan.banAddress ? <input type="hidden" name="banAddress" value="on" /> : null}
          {confirmBan.problem ? (
            <p className="form-error" role="alert">
              {confirmBan.problem}
            </p>
          ) : null}
          <BanFields reason={confirmBan.banReason} length={confirmBan.banFor} problem={confirmBan.problem} />
          <button type="submit" className="button button--danger" autoFocus>
            Yes, ban the writer
          </button>{" "}
          <Link to="/moderation" className="button">
            Cancel
          </Link>
        </Form>
      ) : null}
      {help ? (
        <section className="shortcut-help" aria-label="Keyboard shortcuts">
          <dl>
            {HELP.map(([keys, what]) => (
              <div key={keys}>
                <dt>{keys}</dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {items.length === 0 ? (
        <p className="empty">Nothing waiting. Well done.</p>
      ) : (
        <>
          <Form method="post" id="bulk" className="bulk-bar" aria-label="Selected posts">
            <span>With the selected posts:</span>
            <button type="submit" name="intent" value="bulk:approve" className="button">
              Approve selected
            </button>
            <button type="submit" name="intent" value="bulk:reject" className="button">
              Reject selected
            </button>
            <button type="submit" name="intent" value="bulk:spam" className="button">
              Spam selected
            </button>
          </Form>
          <ol className="queue" ref={list}>
            {items.map((item, index) => (
              <li key={item.id}>
                <QueueItem
                  item={item}
                  current={index === current}
                  onFocus={() => setCurrent(index)}
                  seesWriters={keepsBans}
                />
              </li>
            ))}
          </ol>
        </>
      )}
      <PageLinks page={page} pageCount={pageCount} label="Pages of the queue" />
    </div>
  );
}
