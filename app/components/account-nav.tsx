// The header's account links: who is signed in and what waits for them, or
// the ways to sign in. A part of the page that differs from reader to reader.
import { Form, Link, useLocation } from "@remix-run/react";
import type { HeaderUser } from "~/moderation/header-user.server";
import { isFramePath } from "~/model/paths";

export function AccountNav({ user }: { user: HeaderUser | null }) {
  const location = useLocation();
  const back = returnQuery(location);
  if (isFramePath(location.pathname)) return <FrameAccountNav user={user} back={back} />;
  return (
    <nav className="account-nav" aria-label="Account">
      {user ? (
        <>
          <span>
            Signed in as <strong>{user.displayName}</strong>
          </span>
          {user.queue ? (
            <Link to="/moderation">
              Moderation ({user.queue.pending} pending, {user.queue.reported} reported)
            </Link>
          ) : null}
          {user.role === "author" || user.role === "admin" ? <Link to="/author">Unanswered</Link> : null}
          {user.role === "admin" ? (
            <>
              <Link to="/admin/settings">Settings</Link>
              <Link to="/admin/mail">Mail</Link>
            </>
          ) : null}
          <Link to="/account">Account</Link>
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
              Sign out
            </button>
          </Form>
        </>
      ) : (
        <>
          <Link to={`/login${back}`}>Sign in</Link>
          <Link to={`/signup${back}`}>Create account</Link>
        </>
      )}
    </nav>
  );
}

/** `?redirectTo=` the page a visitor is on, so that signing in or up brings them back to it. */
function returnQuery(location: { pathname: string; search: string }) {
  if (location.pathname === "/login" || location.pathname === "/signup") return location.search;
  // As the server's sign-in redirect: a very long address comes back without its query.
  const full = location.pathname + location.search;
  const here = full.length <= 1000 ? full : location.pathname.slice(0, 1000);
  return here === "/" ? "" : `?redirectTo=${encodeURIComponent(here)}`;
}

/**
 * In a frame under another site's page: sign in and out there, in the frame (its cookies are the frame's own,
 * docs/decisions/0013); what the frame does not have (creating an account, staff pages) opens on Afterword.
 */
function FrameAccountNav({ user, back }: { user: HeaderUser | null; back: string }) {
  const here = new URLSearchParams(back.slice(1)).get("redirectTo") ?? "";
  return (
    <nav className="account-nav" aria-label="Account">
      {user ? (
        <>
          <span>
            Signed in as <strong>{user.displayName}</strong>
          </span>
          {user.queue ? (
            <a href="/moderation" target="_blank" rel="noopener">
              Moderation ({user.queue.pending} pending)
            </a>
          ) : null}
          <Form method="post" action="/embed/sign-out">
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button">
              Sign out
            </button>
          </Form>
        </>
      ) : (
        <>
          <Link to={`/embed/sign-in${back}`}>Sign in</Link>
          <a href="/signup" target="_blank" rel="noopener">
            Create account
          </a>
        </>
      )}
    </nav>
  );
}
