import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { shareable } from "~/articles/page-cache.server";
import { getVisitor } from "~/auth/visitor.server";
import { isStaff } from "~/auth/roles";
import { queueCounts } from "~/moderation/queue.server";
import { publishesAtOnce } from "~/posts/intake.server";
import { type Flash, flashCookie, readCookie } from "~/security/cookies.server";
import { FlashMessage } from "~/components/flash-message";
import { useNonce } from "~/security/nonce";
import appCss from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Afterword" }];

// One object for every page with nobody signed in and no message, so pages can be shared (page-cache.server.ts).
const ANONYMOUS = shareable({ flash: null, user: null });

export async function loader({ request }: LoaderFunctionArgs) {
  // A one-time message set by an action before its redirect; shown once, then cleared.
  const flash = await readCookie<Flash>(request, flashCookie);
  const session = (await getVisitor(request)).user;
  const user = session
    ? {
        displayName: session.displayName,
        role: session.role,
        // Staff see what waits for them in the header.
        queue: isStaff(session.role) ? await queueCounts(session) : null,
        // So that the forms say whether a post waits for a moderator.
        publishesAtOnce: await publishesAtOnce(session),
        // The "Email me" box on the forms starts as the account's choice.
        notifyReplies: session.notifyReplies,
      }
    : null;
  if (!flash?.message && !user) return ANONYMOUS;
  return data(
    { flash: flash?.message ? { message: flash.message, undo: flash.undo ?? null } : null, user },
    flash?.message ? { headers: { "Set-Cookie": await (await flashCookie()).serialize("", { maxAge: 0 }) } } : {},
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const back = returnQuery(useLocation());
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link to="/" className="site-title">
              Afterword
            </Link>
            <span className="site-tagline">Questions and answers under every article</span>
            <nav className="account-nav" aria-label="Account">
              {rootData?.user ? (
                <>
                  <span>
                    Signed in as <strong>{rootData.user.displayName}</strong>
                  </span>
                  {rootData.user.queue ? (
                    <Link to="/moderation">
                      Moderation ({rootData.user.queue.pending} pending, {rootData.user.queue.reported} reported)
                    </Link>
                  ) : null}
                  {rootData.user.role === "author" || rootData.user.role === "admin" ? (
                    <Link to="/author">Unanswered</Link>
                  ) : null}
                  {rootData.user.role === "admin" ? (
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
          </div>
        </header>
        <main id="main" className="site-main">
          {rootData?.flash ? <FlashMessage {...rootData.flash} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <p>Afterword · reader questions, answered by the people who wrote the articles.</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** `?redirectTo=` the page a visitor is on, so that signing in or up brings them back to it. */
function returnQuery(location: { pathname: string; search: string }) {
  if (location.pathname === "/login" || location.pathname === "/signup") return location.search;
  const here = location.pathname + location.search;
  return here === "/" ? "" : `?redirectTo=${encodeURIComponent(here)}`;
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const notFound = error.status === 404;
    return (
      <div className="error-page">
        <p className="error-page__status">{error.status}</p>
        <h1>{notFound ? "We couldn’t find that page" : error.statusText || "Something went wrong"}</h1>
        <p>
          {notFound
            ? "The article or question may have moved, or the link may be mistyped."
            : typeof error.data === "string" && error.data
              ? error.data
              : "The request could not be completed."}
        </p>
        <p>
          <Link to="/">Back to all articles</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="error-page">
      <p className="error-page__status">500</p>
      <h1>Something went wrong on our side</h1>
      <p>Please try again in a moment. Nothing you wrote has been lost.</p>
      <p>
        <Link to="/">Back to all articles</Link>
      </p>
    </div>
  );
}
