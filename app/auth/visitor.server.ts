// Who is asking: the one notion of the current visitor, built once per
// request and used by every page, action and the page cache. A visitor is a
// signed-in account, a guest known by their signed cookie, or nobody yet;
// with the keyed hash of the address the production server saw
// (scripts/server.js; behind a proxy, with TRUST_PROXY=1) and when they were
// last shown a posting form.
import { createHmac } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { SESSION_COOKIE, type SessionUser } from "~/auth/sessions.server";
import { config } from "~/config.server";
import {
  FLASH_COOKIE,
  GUEST_COOKIE,
  type GuestIdentity,
  formShownCookie,
  readCookie,
  readGuest,
} from "~/security/cookies.server";

/** The cookies that make a page personal (whose page it is, or a message for this visitor alone). */
export const PERSONAL_COOKIES = [SESSION_COOKIE, GUEST_COOKIE, FLASH_COOKIE] as const;
const PERSONAL = new RegExp(`(?:^|;\\s*)(?:${PERSONAL_COOKIES.join("|")})=`);

/** Whether anything on the request makes the page personal, so it must not be shared from a cache. */
export function hasPersonalCookies(request: Request): boolean {
  return isPersonalCookieHeader(request.headers.get("Cookie"));
}

/** The same question of a Cookie header alone (the production server asks it before Remix makes a Request). */
export function isPersonalCookieHeader(cookie: string | null): boolean {
  return PERSONAL.test(cookie ?? "");
}

export type Visitor = {
  userId: string | null;
  role: string | null;
  guestKey: string | null;
  ipHash: string | null;
  /** When this visitor was last shown a posting form (ms), from a signed cookie. */
  formShownAt: number | null;
  /** A guest who came without a guest cookie: `guestKey` was made for this post. */
  newGuest?: boolean;
};

export type CurrentVisitor = Visitor & {
  user: SessionUser | null;
  guest: GuestIdentity | null;
  /** Whose pending posts the pages show: this visitor's own, whether account or guest. */
  viewer: { guestKey: string | null; userId: string | null };
};

const visitorsByRequest = new WeakMap<Request, Promise<CurrentVisitor>>();

/** The visitor making this request, worked out once however many loaders and actions ask. */
export function getVisitor(request: Request, context?: AppLoadContext): Promise<CurrentVisitor> {
  let visitor = visitorsByRequest.get(request);
  if (!visitor) {
    visitor = readVisitor(request, context);
    visitorsByRequest.set(request, visitor);
  }
  return visitor;
}

async function readVisitor(request: Request, context?: AppLoadContext): Promise<CurrentVisitor> {
  const user = await getUser(request);
  const guest = user ? null : await readGuest(request);
  const shown = await readCookie<{ t: number }>(request, formShownCookie);
  return {
    user,
    guest,
    userId: user?.id ?? null,
    role: user?.role ?? null,
    guestKey: guest?.key ?? null,
    viewer: { guestKey: guest?.key ?? null, userId: user?.id ?? null },
    ipHash: addressHashOf(context?.clientAddress),
    formShownAt: shown && typeof shown.t === "number" ? shown.t : null,
  };
}

/** A keyed hash of the client's address, or null when it is not known. */
export function addressHashOf(clientAddress: string | null | undefined) {
  return clientAddress ? hashAddress(clientAddress) : null;
}

function hashAddress(address: string) {
  const salt = config().SESSION_SECRET ?? "afterword-address";
  return createHmac("sha256", salt).update(address).digest("base64url").slice(0, 22);
}
