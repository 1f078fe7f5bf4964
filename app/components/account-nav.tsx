// The header's account links: who is signed in and what waits for them, or
// the ways to sign in. A part of the page that differs from reader to reader.
// In a frame under another site's page, signing in and out happen in the frame
// (its cookies are the frame's own, docs/decisions/0013); the pages the frame
// does not have (creating an account, the account, staff pages) open on
// Afterword in a new tab.
import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { HeaderUser } from "~/moderation/header-user.server";
import { useFrame } from "./frame";

export function AccountNav({ user }: { user: HeaderUser | null }) {
  const location = useLocation();
  const frame = useFrame();
  const back = returnQuery(location);
  const page = (path: string, children: ReactNode) =>
    frame.target(path) ? (
      <a href={path} target="_blank" rel="noopener">
        {children}
      </a>
    ) : (
      <Link to={path}>{children}</Link>
    );
  return (
    <nav className="account-nav" aria-label="Account">
      {user ? (
        <>
          <span>
            Signed in as <strong>{user.displayName}</strong>
          </span>
          {user.queue
            ? page("/moderation", `Moderation (${user.queue.pending} pending, ${user.queue.reported} reported)`)
            : null}
          {user.role === "author" || user.role === "admin" ? page("/author", "Unanswered") : null}
          {user.role === "admin" ? (
            <>
              {page("/admin/settings", "Settings")}
              {page("/admin/mail", "Mail")}
            </>
          ) : null}
          {page("/account", "Account")}
          <Form method="post" action={frame.inFrame ? "/embed/sign-out" : "/logout"}>
            {frame.inFrame ? (
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            ) : null}
            <button type="submit" className="link-button">
              Sign out
            </button>
          </Form>
        </>
      ) : (
        <>
          <Link to={`${frame.inFrame ? "/embed/sign-in" : "/login"}${back}`}>Sign in</Link>
          {page(`/signup${frame.inFrame ? "" : back}`, "Create account")}
        </>
      )}
    </nav>
  );
}

/** `?redirectTo=` the page a visitor is on, so that signing in or up brings them back to it. */
function returnQuery(location: { pathname: string; search: string }) {
  if (["/login", "/signup", "/embed/sign-in"].includes(location.pathname)) return location.search;
  // As the server's sign-in redirect: a very long address comes back without its query.
  const full = location.pathname + location.search;
  const here = full.length <= 1000 ? full : location.pathname.slice(0, 1000);
  return here === "/" ? "" : `?redirectTo=${encodeURIComponent(here)}`;
}
