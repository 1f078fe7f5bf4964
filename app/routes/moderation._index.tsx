import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { PageLinks } from "~/components/page-links";
import { requireRole } from "~/auth/guards.server";
import { ACTIONS, ModerationError, type ModerationActionName, moderate } from "~/moderation/moderate.server";
import { describePost, getQueue } from "~/moderation/queue.server";
import { flashCookie } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { pageParam, readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Moderation queue — Afterword" }];

export const MODERATORS = ["author", "moderator", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, MODERATORS);
  return getQueue(actor, pageParam(new URL(request.url).searchParams.get("page")));
}

const QUICK: ModerationActionName[] = ["approve", "reject", "spam", "ban"];
const DONE: Record<string, string> = { approve: "approved", reject: "rejected", spam: "marked as spam", ban: "banned" };

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const actor = await requireRole(request, MODERATORS);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const [kind, name] = intent.includes(":") ? intent.split(":") : ["one", intent];
  if (!QUICK.includes(name as ModerationActionName) || !(ACTIONS as readonly string[]).includes(name)) {
    return data({ error: "Unknown action." }, { status: 400 });
  }
  const targets =
    kind === "bulk"
      ? form.getAll("ids").map((id) => ({
          id: Number(id),
          revision: undefined as number | undefined,
          status: null as FormDataEntryValue | null,
        }))
      : [{ id: Number(form.get("postId")), revision: Number(form.get("revision")), status: form.get("status") }];
  if (targets.length === 0 || targets.some((t) => !Number.isSafeInteger(t.id))) {
    return data({ error: "Select at least one post." }, { status: 400 });
  }
  const reason = String(form.get("reason") ?? "");
  let done = 0;
  let named = "";
  const problems: string[] = [];
  for (const target of targets) {
    try {
      await moderate(actor, name as ModerationActionName, target.id, {
        expectedRevision: Number.isFinite(target.revision) ? target.revision : undefined,
        expectedStatus: typeof target.status === "string" ? target.status : undefined,
        reason,
        banAddress: form.get("banAddress") === "on",
      });
      done++;
      if (kind !== "bulk") {
        const kept = name === "approve" && target.status === "published";
        named = `${capitalise(await describePost(target.id))}: ${kept ? "kept on the page, the report dismissed" : DONE[name]}.`;
      }
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
      if (kind !== "bulk") return data({ error: error.message }, { status: error.status });
      problems.push(`${capitalise(await describePost(target.id))}: ${error.message}`);
    }
  }
  const message =
    (named || `${done} ${done === 1 ? "post" : "posts"} ${DONE[name]}.`) +
    (name === "ban" && done > 0 && form.get("banAddress") === "on"
      ? " Guests posting from its address are banned too; accounts there are not."
      : "") +
    (problems.length ? ` Not done: ${problems.join(" ")}` : "");
  const back = new URL(request.url);
  return redirect(back.pathname + back.search, {
    headers: { "Set-Cookie": await (await flashCookie()).serialize({ message }) },
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const HELP: [string, string][] = [
  ["j / k", "next / previous post"],
  ["a", "approve"],
  ["r", "reject"],
  ["s", "spam"],
  ["e", "edit for length"],
  ["?", "show or hide this help"],
];

export default function ModerationQueue() {
  const { items, counts, page, pageCount } = useLoaderData<typeof loader>();
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
        <button type="button" className="link-button link-button--dark" onClick={() => setHelp((open) => !open)}>
          Keyboard shortcuts
        </button>
      </p>
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
                <article
                  className={`queue-item${index === current ? " queue-item--current" : ""}`}
                  data-queue-item
                  tabIndex={-1}
                  aria-label={`${item.isReply ? "Reply" : "Question"} by ${item.writer.name}`}
                  onFocus={() => setCurrent(index)}
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
                      <span className="queue-item__meta">
                        guest{item.writer.email ? ` · ${item.writer.email}` : ""}
                      </span>
                    )}
                    {item.writer.addressHash ? (
                      <span className="queue-item__meta" title="A hash of the writer's address">
                        address {item.writer.addressHash}
                      </span>
                    ) : null}
                    <time className="queue-item__meta" dateTime={item.date.iso}>
                      {item.date.text}
                    </time>
                  </header>
                  <p className="queue-item__where">
                    {item.isReply ? "Reply" : "Question"} on{" "}
                    <Link to={`/articles/${item.article.slug}`}>{item.article.title}</Link>
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
                          {flag === "long" ? `long (${item.length.toLocaleString("en-US")} characters)` : flag}
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
                      <button type="submit" name="intent" value="ban" className="button button--danger">
                        Ban writer
                      </button>
                    )}
                    {item.writer.bannable && item.writer.addressHash ? (
                      <label className="queue-item__ban-address">
                        <input type="checkbox" name="banAddress" /> With “Ban writer”, also ban the address: every guest
                        posting from it goes to spam (accounts there are not affected)
                      </label>
                    ) : null}
                  </Form>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      <PageLinks page={page} pageCount={pageCount} label="Pages of the queue" />
    </div>
  );
}
