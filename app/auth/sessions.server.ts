// Sessions the Lucia way (lucia-auth.com's session guide): a random token in
// an HttpOnly cookie, stored in the database only as its SHA-256, valid 30
// days and extended when used in its second half. No session state lives in
// the app's memory, so any instance can answer any request.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { db } from "~/db.server";
import { config } from "~/config.server";

export const SESSION_COOKIE = "aw_session";
const DAY = 86_400_000;
export const SESSION_DAYS = 30;

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: string;
  notifyReplies: boolean;
  queueDigest: string | null;
};
export type ValidSession = { id: string; expiresAt: Date; user: SessionUser };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(token: string, userId: string, userAgent?: string | null) {
  return db.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * DAY),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
}

export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const id = sessionIdFromToken(token);
  // Every signed-in request asks this, so it is one plain join (a fifth of what the same query costs through
  // Prisma's query builder).
  const [row] = await db.$queryRaw<(SessionUser & { sessionId: string; expiresAt: Date })[]>`
    SELECT s."id" AS "sessionId", s."expiresAt", u."id", u."email", u."displayName", u."role", u."notifyReplies",
      u."queueDigest"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${id}`;
  if (!row) return null;
  const session: ValidSession = {
    id: row.sessionId,
    expiresAt: new Date(row.expiresAt),
    user: {
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      notifyReplies: Boolean(row.notifyReplies),
      queueDigest: row.queueDigest,
    },
  };
  if (Date.now() >= session.expiresAt.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (Date.now() >= session.expiresAt.getTime() - (SESSION_DAYS / 2) * DAY) {
    session.expiresAt = new Date(Date.now() + SESSION_DAYS * DAY);
    await db.session.update({ where: { id }, data: { expiresAt: session.expiresAt } });
  }
  return session;
}

export async function invalidateSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateOtherSessions(userId: string, keepSessionId: string) {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}

const secure = () => config().NODE_ENV === "production" && config().INSECURE_COOKIES !== "1";

export function sessionCookie(token: string, expiresAt: Date): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
    secure() ? "Secure" : null,
  ]
    .filter(Boolean)
    .join("; ");
}

export function blankSessionCookie(): string {
  return [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0", secure() ? "Secure" : null]
    .filter(Boolean)
    .join("; ");
}

const SESSION_TOKEN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([a-z2-7]{32})(?:;|$)`);

export function readSessionToken(request: Request): string | null {
  const match = SESSION_TOKEN.exec(request.headers.get("Cookie") ?? "");
  return match ? match[1] : null;
}

/** How many live sessions an account has besides the one asking. */
export async function countOtherSessions(userId: string) {
  const live = await db.session.count({ where: { userId, expiresAt: { gt: new Date() } } });
  return Math.max(0, live - 1);
}
