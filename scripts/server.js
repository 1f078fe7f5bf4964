// npm start and npm run dev — one server for both: Remix's request handler
// behind a few things that must happen before Remix sees a request.
// Cross-site posts are refused with a plain 403 here (Remix's own check
// answers 500), security headers go on every response including static files,
// and the client's address (behind TRUST_PROXY=1) reaches the app for rate
// limits. In production it serves the build, with long cache lifetimes on
// built assets; in development (NODE_ENV=development, `npm run dev`) Vite runs
// inside it as Express middleware, so the app is loaded from source with hot
// reload, while the kept article pages, the mail sender, the change feed and
// every check here run as they do in production (docs/decisions/0012).
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import onHeaders from "on-headers";

// Unless told otherwise this serves the production build, as production (CSP and security headers included).
process.env.NODE_ENV ??= "production";
const development = process.env.NODE_ENV === "development";
const server = http.createServer();
const vite = development
  ? await import("vite").then((v) =>
      // HMR's websocket shares this server's port, so the page's CSP (connect-src 'self') allows it.
      v.createServer({ server: { middlewareMode: true, hmr: { server } }, appType: "custom" }),
    )
  : null;
/** The app: built once in production; in development, as Vite has it now (reloaded when a source file changes). */
const loadBuild = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build")
  : await import(pathToFileURL(path.resolve("build/server/index.js")).href).then((build) => () => build);
/** What this server calls in the app (app/entry.server.tsx), from the app as it is now. */
const hooks = async () => (await loadBuild()).entry.module;
/** The same, without waiting, where the app is built once (production): the article page's path is hot. */
const built = vite ? null : await hooks();
const {
  isSameOrigin,
  headersForRemix,
  openPostPaths,
  addSecurityHeaders,
  framingOf,
  partitionedCookie,
  embedPostPaths,
  crossSiteMessage,
  config,
  configProblems,
  startMailSender,
  listenForChanges,
  startDailyPrune,
} = await hooks();
/** Tells the app as it is now that something an article page shows has changed. */
const articlesChanged = () => hooks().then((current) => current.articlesChanged());
const problems = configProblems();
if (problems.length > 0) {
  console.error(`Afterword cannot start; fix these settings:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
const settings = config();
const port = settings.PORT;

const app = express();
app.disable("x-powered-by");
if (settings.TRUST_PROXY === "1") app.set("trust proxy", true);
// The largest request body read; a protected source of 1 MB, form-encoded, fits.
const MAX_BODY_BYTES = settings.MAX_BODY_BYTES;

app.use((req, res, next) => {
  // "GET http://host/path HTTP/1.1" (absolute form) is valid HTTP; Remix would
  // glue the host in front of it again and fail, so only the path goes on.
  if (!req.url.startsWith("/") && req.url !== "*") {
    try {
      const target = new URL(req.url);
      req.url = req.originalUrl = target.pathname + target.search;
    } catch {
      return refuseRequest(res, 400, "Bad request", "That request target is not a path on this site.");
    }
  }
  // No address on this site holds a NUL character, and PostgreSQL cannot look one up.
  if (/%00|\0/.test(req.url)) return refuseRequest(res, 400, "Bad request", "That address contains a NUL character.");
  // A body over the limit is refused before any of it is read; the connection
  // closes rather than carry the unread rest into the next request.
  if (Number(req.get("Content-Length") ?? 0) > MAX_BODY_BYTES) return refuseTooLarge(req, res);
  // A chunked body names no length: it is held back until it has all come (and
  // the app then reads it as usual) or has passed the limit (and is refused
  // without the rest being read).
  if (req.get("Content-Length") === undefined && req.get("Transfer-Encoding")) {
    return holdChunkedBody(req, () => refuseTooLarge(req, res), next);
  }
  // A form this instance took may have changed what an article page shows:
  // the next reader gets the page rendered anew (other instances hear of it
  // from PostgreSQL, below).
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.on("finish", () => {
      if (res.statusCode < 400) articlesChanged();
    });
  }
  // A response sent without reading the whole body (a refused post, a route
  // with no action) leaves the rest in the socket: drain it, up to the limit,
  // so that a keep-alive connection is free for the next request.
  res.on("finish", () => {
    if (req.complete || req.destroyed) return;
    let drained = 0;
    req.removeAllListeners("data");
    req.on("data", (chunk) => {
      drained += chunk.length;
      if (drained > MAX_BODY_BYTES) req.socket.destroy();
    });
    req.resume();
  });
  next();
});
// Every response carries the security headers, the app's own resource routes (feeds, JSON) included: added just
// before the headers go out, where a route has not set them already. A page under /embed/ may be framed by the
// sites EMBED_ORIGINS names, and the cookies it sets are partitioned (app/security/frames.server.ts).
app.use((req, res, next) => {
  onHeaders(res, () => {
    const framing = framingOf(req.path);
    const headers = new Headers();
    addSecurityHeaders(headers, framing);
    headers.forEach((value, name) => {
      if (!res.hasHeader(name)) res.setHeader(name, value);
    });
    if (framing.frame) partitionCookies(res);
  });
  next();
});
/** The cookies a response under /embed/ sets, as a frame in another site's page must set them. */
function partitionCookies(res) {
  const set = res.getHeader("Set-Cookie");
  if (set) res.setHeader("Set-Cookie", [set].flat().map(String).map(partitionedCookie));
}
app.use(compression());
// In development Vite serves the client's modules and assets from source, with hot reload.
if (vite) app.use(vite.middlewares);
// Remix's responses carry these from entry.server.tsx; static files and the refusal below get them here.
function securityHeaders(res) {
  const headers = new Headers();
  addSecurityHeaders(headers, framingOf(res.req.path));
  headers.forEach((value, name) => res.setHeader(name, value));
}
if (!vite)
  app.use(
    "/assets",
    express.static("build/client/assets", { immutable: true, maxAge: "1y", setHeaders: securityHeaders }),
  );
if (!vite) app.use(express.static("build/client", { maxAge: "1h", setHeaders: securityHeaders }));
// The request log: pages and actions, not static files. Article pages are logged where the server below first sees
// them (it may send them itself), and not again here when it hands them on.
const logging = settings.LOG_REQUESTS !== "0";
const logArticlePage = logging ? morgan("tiny") : null;
if (logging) app.use(morgan("tiny", { skip: (req) => req.loggedEarly === true }));
/**
 * 413, then a lingering close (as nginx does): what the client is still
 * sending is read and dropped for a moment before the connection closes, so
 * that the refusal reaches it instead of a reset connection.
 */
function refuseTooLarge(req, res) {
  const socket = req.socket;
  // Node closes a "Connection: close" socket outright once the response is
  // sent, and closing it with unread data in it resets the connection, losing
  // the response: here it only stops writing, and keeps reading for 2 s.
  socket.destroySoon = () => socket.end();
  socket.once("end", () => socket.destroy());
  res.on("finish", () => setTimeout(() => socket.destroy(), 2000).unref());
  let dropped = 0;
  req.on("data", (chunk) => {
    dropped += chunk.length;
    if (dropped > 4 * MAX_BODY_BYTES) socket.destroy();
  });
  req.resume();
  res.set("Connection", "close");
  refuseRequest(res, 413, "Too large", "This request is larger than this site accepts.");
}

/**
 * Holds a body that comes without a length until its last chunk (then calls
 * `complete`, and the app reads the held chunks as if they had just come) or
 * until it passes MAX_BODY_BYTES (then calls `tooLarge`, and the rest is
 * dropped as it comes). Node's HTTP parser hands a request its body by
 * `push`, so holding it there keeps it from everything that reads the request.
 */
function holdChunkedBody(req, tooLarge, complete) {
  const push = req.push;
  const held = [];
  let size = 0;
  req.push = (chunk, encoding) => {
    if (chunk === null) {
      req.push = push;
      for (const piece of held) push.call(req, piece);
      const more = push.call(req, null, encoding);
      complete();
      return more;
    }
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      held.length = 0;
      req.push = (rest) => {
        if (rest !== null && !req.socket.destroyed && (size += rest.length) > 5 * MAX_BODY_BYTES) req.socket.destroy();
        return true;
      };
      tooLarge();
      return true;
    }
    held.push(chunk);
    return true;
  };
}

function refuseRequest(res, status, title, message) {
  securityHeaders(res);
  res
    .status(status)
    .type("html")
    .send(`<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${status} ${title}</h1><p>${message}</p>`);
}
app.use((req, res, next) => {
  const request = {
    method: req.method,
    url: `${req.protocol}://${req.get("host") ?? "localhost"}/`,
    headers: { get: (name) => req.get(name) ?? null },
  };
  if (openPostPaths.includes(req.path)) {
    // Decided by its token alone: whatever Origin a mail client sends, Remix has no host to compare it with.
    delete req.headers.origin;
    return next();
  }
  // embed.js's report comes from an allowed site's own pages; the route checks its origin (EMBED_ORIGINS).
  if (embedPostPaths.includes(req.path)) return next();
  if (!isSameOrigin(request)) return refuseRequest(res, 403, "Refused", crossSiteMessage);
  // Remix compares Origin with the Host it receives and answers 500 when they differ, which they do behind a
  // proxy that rewrites Host: it is given the public host this check compared with (app/security/same-origin.server.ts).
  const forRemix = headersForRemix(request);
  if (forRemix) {
    req.headers["x-forwarded-host"] = forRemix.host;
    if (forRemix.dropOrigin) delete req.headers.origin;
  }
  next();
});
app.all(
  "*",
  createRequestHandler({
    build: vite ? loadBuild : loadBuild(),
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? null,
      // "close" comes once the answer is handed to the system (or the client went away); a moment later it has
      // reached the client, and the work (on SQLite, holding this thread) cannot delay its last bytes.
      afterResponse: (work) => res.once("close", () => setTimeout(work, 25)),
    }),
  }),
);
// A shared article page already kept for the current version goes out as it is, compressed once when it was
// kept, before Express, Remix, React or compression see the request (app/articles/page-cache.server.ts):
// the hot path costs what sending its bytes costs. A signed-in reader's or a guest's page is made from it,
// with only their own parts rendered (app/articles/personal-page.server.tsx). Anything else goes on to the app.
server.on("request", (req, res) => {
  if (
    (req.method !== "GET" && req.method !== "HEAD") ||
    !(req.url?.startsWith("/articles/") || req.url?.startsWith("/embed/articles/"))
  )
    return app(req, res);
  const header = (name) => {
    const value = req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  };
  const request = { method: req.method, url: req.url, header };
  if (logArticlePage) {
    req.loggedEarly = true;
    logArticlePage(req, res, () => {});
  }
  (built ? built.serveArticlePage(request) : hooks().then((current) => current.serveArticlePage(request))).then(
    (answer) => {
      if (!answer) return app(req, res);
      const cookies = answer.headers["set-cookie"];
      const framed = cookies && framingOf(req.url).frame;
      res.writeHead(
        answer.status,
        framed ? { ...answer.headers, "set-cookie": [cookies].flat().map(partitionedCookie) } : answer.headers,
      );
      res.end(req.method === "HEAD" ? undefined : (answer.body ?? undefined));
    },
    () => app(req, res),
  );
});
server.listen(port, () => console.log(`Afterword on http://localhost:${port}`));
// Writes on other instances (PostgreSQL) reach this one's kept pages at once.
listenForChanges(articlesChanged);
// This instance's outbox sender (app/mail/sender.server.ts); MAIL_SENDER=0 leaves mail to other instances.
if (settings.MAIL_SENDER !== "0") startMailSender();
// What is kept only for a while (sent emails, address hashes, ended sessions) goes once a day (app/privacy).
startDailyPrune();
