// Security headers for every response the app makes, and the page's
// Content-Security-Policy, which allows scripts from this site and inline
// scripts carrying this response's nonce (Remix's hydration data and entry).
import { config } from "~/config.server";

export function addSecurityHeaders(headers: Headers) {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
}

export function contentSecurityPolicy(nonce: string): string {
  // Hosts allowed to embed the site, space-separated; none by default.
  const frameAncestors = config().FRAME_ANCESTORS?.trim() || "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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
