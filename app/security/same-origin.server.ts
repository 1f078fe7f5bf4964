// Cross-site request forgery: every request that changes something must come
// from a page of this site. Browsers send Origin on every POST (Referer as a
// fallback for old ones); a request with neither, or from elsewhere, is refused.
import { config } from "~/config.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What the check needs of a request: a Fetch Request, or the production server's Express request adapted. */
export type RequestLike = { method: string; url?: string; headers: { get(name: string): string | null } };

const firstValue = (header: string | null) => header?.split(",")[0]?.trim() || null;

/** The site's origin, scheme included: `https://…` posted to a site served over http is another origin. */
export function siteOrigin(request: RequestLike): string {
  const { SITE_URL, TRUST_PROXY } = config();
  if (SITE_URL) return new URL(SITE_URL).origin;
  const proxied = TRUST_PROXY === "1";
  const url = request.url ? new URL(request.url) : null;
  const scheme = (proxied && firstValue(request.headers.get("X-Forwarded-Proto"))) || url?.protocol || "http:";
  const host =
    (proxied && firstValue(request.headers.get("X-Forwarded-Host"))) || request.headers.get("Host") || url?.host || "";
  return `${scheme.replace(/:?$/, ":")}//${host}`.toLowerCase();
}

export function isSameOrigin(request: RequestLike): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get("Origin");
  const source = origin && origin !== "null" ? origin : request.headers.get("Referer");
  if (!source) return false;
  try {
    return new URL(source).origin === siteOrigin(request);
  } catch {
    return false;
  }
}

export const CROSS_SITE_MESSAGE =
  "This form was sent from another site, so it was refused. If you sent it from this site, please reload the page and try again.";

/**
 * The headers Remix itself compares, once this check has let a request through. Remix refuses an action whose
 * Origin's host is not the Host (or X-Forwarded-Host) header it received, with a 500; behind a proxy that sends
 * `Host: $host` (no port) or an internal name, that refuses every post this check has already found to be from
 * the site. So the host Remix compares is set to the site's own public host, the one this check compared with,
 * and an `Origin: null` (sent by privacy settings; this check then used Referer) is dropped. Null: nothing to change.
 */
export function headersForRemix(request: RequestLike): { host: string; dropOrigin: boolean } | null {
  if (SAFE_METHODS.has(request.method)) return null;
  return { host: new URL(siteOrigin(request)).host, dropOrigin: request.headers.get("Origin") === "null" };
}

/** The first line of every action: a post from another site stops here with 403. */
export function requireSameOrigin(request: Request) {
  if (!isSameOrigin(request)) throw new Response(CROSS_SITE_MESSAGE, { status: 403, statusText: "Forbidden" });
}

/**
 * The one address another site may post to: the one-click unsubscribe a mail
 * client sends (RFC 8058), with no cookie, decided by its token alone.
 */
export const OPEN_POST_PATHS: readonly string[] = ["/subscriptions/unsubscribe"];
