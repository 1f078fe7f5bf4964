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
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { shareable } from "~/article-page/render.server";
import { headerUser } from "~/moderation/header-user.server";
import { getVisitor } from "~/auth/visitor.server";
import { type Flash, flashCookie, readCookie } from "~/security/cookies.server";
import { AccountNav } from "~/components/account-nav";
import { useFrameMoves } from "~/components/frame";
import { FlashMessage } from "~/components/flash-message";
import { RegionStart } from "~/components/page-regions";
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
  const user = await headerUser((await getVisitor(request)).user);
  if (!flash?.message && !user) return ANONYMOUS;
  return data(
    { flash: flash?.message ? { message: flash.message, undo: flash.undo ?? null } : null, user },
    flash?.message ? { headers: { "Set-Cookie": await (await flashCookie()).serialize("", { maxAge: 0 }) } } : {},
  );
}

/** Routes whose pages another site's page shows in a frame say so: `export const handle = { frame: true }`. */
function useFramePage(): { slug: string | null } | null {
  const matches = useMatches();
  const page = matches.find((match) => (match.handle as { frame?: boolean } | undefined)?.frame === true);
  return page ? { slug: page.params.slug ?? null } : null;
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const frame = useFramePage();
  useFrameMoves(frame !== null);
  if (frame) {
    // Inside another site's page (embed.js): the questions alone, as tall as they are; the frame's script tells
    // the page its height and follows the page's light or dark scheme (public/embed-frame.js).
    return (
      <html lang="en" className="in-frame">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
          {/* Before the app's scripts: it stands in for the storage a browser denies a third-party frame. */}
          <script src="/embed-frame.js" />
        </head>
        <body>
          <header className="frame-header">
            <RegionStart name="nav" />
            <AccountNav user={rootData?.user ?? null} />
            <RegionStart name="/nav" />
            {frame.slug ? (
              <a className="frame-header__site" href={`/articles/${frame.slug}`} target="_blank" rel="noopener">
                Open on Afterword
              </a>
            ) : null}
          </header>
          <main id="main" className="frame-main">
            {rootData?.flash ? <FlashMessage {...rootData.flash} /> : null}
            {children}
          </main>
          {/* No scroll restoration: the frame never scrolls (the page around it does). */}
          <Scripts nonce={nonce} />
        </body>
      </html>
    );
  }
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
            <RegionStart name="nav" />
            <AccountNav user={rootData?.user ?? null} />
            <RegionStart name="/nav" />
            <Form method="get" action="/search" className="site-search" role="search">
              <label htmlFor="site-search-q" className="visually-hidden">
                Search questions and answers
              </label>
              <input id="site-search-q" name="q" type="search" placeholder="Search answers" maxLength={300} />
              <button type="submit" className="site-search__button">
                Search
              </button>
            </Form>
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
