// Security headers for every response the app makes, and the page's
// Content-Security-Policy, which allows scripts from this site and Remix's
// inline scripts (hydration data and entry): by nonce, or on a kept page by hash.
import { config } from "~/config.server";

export function addSecurityHeaders(headers: Headers) {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
}

/**
 * A personal page allows its inline scripts by this response's nonce; a kept
 * page, the same bytes for every reader, by their hashes.
 */
export function contentSecurityPolicy(allow: { nonce: string } | { scriptHashes: string[] }): string {
  // Hosts allowed to embed the site, space-separated; none by default.
  const frameAncestors = config().FRAME_ANCESTORS?.trim() || "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' ${"nonce" in allow ? `'nonce-${allow.nonce}'` : allow.scriptHashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
