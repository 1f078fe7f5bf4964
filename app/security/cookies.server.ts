// Afterword's signed cookies. The signing secret is SESSION_SECRET, or, when
// that is not set, a random one kept in the database, so that every instance
// on one database signs alike without any set-up.
import { randomBytes } from "node:crypto";
import { type Cookie, createCookie } from "@remix-run/node";
import { db } from "~/db.server";
import { config } from "~/config.server";

const SECRET_KEY = "secret:cookies";

async function loadSecret(): Promise<string> {
  const configured = config().SESSION_SECRET;
  if (configured) return configured;
  const existing = await db.setting.findUnique({ where: { key: SECRET_KEY } });
  if (existing) return existing.value;
  // Two instances starting at once: the first insert wins, the other reads it.
  // Any other failure to insert (a full disk) is the error to report.
  const failed = await db.setting
    .createMany({ data: [{ key: SECRET_KEY, value: randomBytes(32).toString("base64url") }] })
    .then(
      () => null,
      (error: unknown) => error,
    );
  const row = await db.setting.findUnique({ where: { key: SECRET_KEY } });
  if (!row) throw failed ?? new Error("The cookie secret could not be stored.");
  return row.value;
}

let secretPromise: Promise<string> | null = null;
function secret() {
  secretPromise ??= loadSecret().catch((error) => {
    secretPromise = null;
    throw error;
  });
  return secretPromise;
}

const secure = () => config().NODE_ENV === "production" && config().INSECURE_COOKIES !== "1";

function signed(name: string, maxAge?: number) {
  let cookie: Cookie | null = null;
  return async () => {
    cookie ??= createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secure(),
      secrets: [await secret()],
      ...(maxAge ? { maxAge } : {}),
    });
    return cookie;
  };
}

/** Identifies a guest who has posted, so they alone see their posts awaiting moderation. */
export const GUEST_COOKIE = "aw_guest";
export const FLASH_COOKIE = "aw_flash";

export const guestCookie = signed(GUEST_COOKIE, 60 * 60 * 24 * 365);
/** When the reader last saw a posting form: people take a few seconds to write; bots do not. */
export const FORM_SHOWN_COOKIE = "aw_form";
export const formShownCookie = signed(FORM_SHOWN_COOKIE, 60 * 60 * 24);
/** A one-time message for the page after a redirect. */
export const flashCookie = signed(FLASH_COOKIE, 60);

/**
 * The message for the page after a redirect; after a moderation decision, with
 * the audit entry that the "Undo" button names, and until when it may.
 */
export type Flash = { message: string; undo?: { actionIds: number[]; until: number } };

/** Headers that carry a one-time message to the next page. */
export async function flashHeaders(flash: string | Flash) {
  return {
    "Set-Cookie": await (await flashCookie()).serialize(typeof flash === "string" ? { message: flash } : flash),
  };
}

export type GuestIdentity = { key: string; name?: string };

export async function readGuest(request: Request): Promise<GuestIdentity | null> {
  const value = await readCookie<{ key?: unknown }>(request, guestCookie);
  return value && typeof value.key === "string" ? (value as GuestIdentity) : null;
}

export async function readCookie<T>(request: Request, cookie: () => Promise<Cookie>): Promise<T | null> {
  return (await readSigned(await cookie(), request.headers.get("Cookie"))) as T | null;
}

/**
 * A signed cookie's value from a Cookie header, or null (missing, or its
 * signature wrong). Checking a signature costs an HMAC on the thread pool; a
 * visitor's next requests carry the same value, so each value is checked once
 * (the answer depends on nothing else while the secret stays the same).
 */
export async function readSigned(cookie: Cookie, header: string | null): Promise<unknown> {
  let pattern = patterns.get(cookie.name);
  if (!pattern) patterns.set(cookie.name, (pattern = new RegExp(`(?:^|;\\s*)${cookie.name}=([^;]*)`)));
  const raw = pattern.exec(header ?? "")?.[1];
  if (raw === undefined) return null;
  const key = `${cookie.name}=${raw}`;
  if (checked.has(key)) return structuredClone(checked.get(key));
  const value = (await cookie.parse(key)) ?? null;
  checked.set(key, value);
  if (checked.size > 10_000) checked.delete(checked.keys().next().value!);
  return structuredClone(value);
}
const checked = new Map<string, unknown>();
const patterns = new Map<string, RegExp>();

export function newGuestKey() {
  return randomBytes(16).toString("base64url");
}
