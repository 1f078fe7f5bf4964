// npm start — the production server: Remix's request handler behind a few
// things that must happen before Remix sees a request. Cross-site posts are
// refused with a plain 403 here (Remix's own check answers 500), security
// headers go on every response including static files, and the client's
// address (behind TRUST_PROXY=1) reaches the app for rate limits. Built
// assets are served with long cache lifetimes.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import morgan from "morgan";

const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
const { isSameOrigin, addSecurityHeaders, crossSiteMessage } = build.entry.module;
const port = Number(process.env.PORT ?? 3000);

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY === "1") app.set("trust proxy", true);
app.use(compression());
// Remix's responses carry these from entry.server.tsx; static files and the refusal below get them here.
function securityHeaders(res) {
  const headers = new Headers();
  addSecurityHeaders(headers);
  headers.forEach((value, name) => res.setHeader(name, value));
}
app.use(
  "/assets",
  express.static("build/client/assets", { immutable: true, maxAge: "1y", setHeaders: securityHeaders }),
);
app.use(express.static("build/client", { maxAge: "1h", setHeaders: securityHeaders }));
if (process.env.LOG_REQUESTS !== "0") app.use(morgan("tiny"));
app.use((req, res, next) => {
  const request = { method: req.method, headers: { get: (name) => req.get(name) ?? null } };
  if (isSameOrigin(request)) return next();
  securityHeaders(res);
  res
    .status(403)
    .type("html")
    .send(`<!doctype html><meta charset="utf-8"><title>Refused</title><h1>403 Refused</h1><p>${crossSiteMessage}</p>`);
});
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? null }),
  }),
);
app.listen(port, () => console.log(`Afterword on http://localhost:${port}`));
