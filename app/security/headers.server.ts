// Security headers for every response the app makes, and the page's
// Content-Security-Policy, which allows scripts from this site and Remix's
// inline scripts (hydration data and entry): by nonce, or on a kept page by hash.
import { frameAncestors, isFramePath } from "~/security/frames.server";

/** Where a page may be shown in a frame: nowhere, or (`frame`, pages under /embed/) in EMBED_ORIGINS' pages. */
export type Framing = { frame: boolean };
const NOT_FRAMED: Framing = { frame: false };

/** A request's framing, by its address. */
export function framingOf(url: string | URL): Framing {
  return { frame: isFramePath(new URL(url, "http://localhost").pathname) };
}

export function addSecurityHeaders(headers: Headers, framing: Framing = NOT_FRAMED) {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
  // A frame page says who may frame it in its CSP alone: X-Frame-Options cannot name other sites.
  if (framing.frame) headers.delete("X-Frame-Options");
  else headers.set("X-Frame-Options", "DENY");
}

/**
 * A personal page allows its inline scripts by this response's nonce; a kept
 * page, the same bytes for every reader, by their hashes.
 */
export function contentSecurityPolicy(
  allow: { nonce: string } | { scriptHashes: string[] },
  framing: Framing = NOT_FRAMED,
): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${"nonce" in allow ? `'nonce-${allow.nonce}'` : allow.scriptHashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors(framing.frame)}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
