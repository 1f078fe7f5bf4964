// Sign-in back-off, kept in the database so it holds across app instances:
// after 5 failures for an account (or from an address), each further failure
// doubles the wait, from 30 seconds up to an hour. A success clears it.
// Also, on the same rows, plain counts in a fixed window (`takeFromWindow`),
// for requests that are not failures and must never lock anyone out for good.
import { db } from "~/db.server";

export const FREE_FAILURES = 5;
const BASE_MS = 30_000;
const MAX_MS = 3_600_000;

export function throttleKeys(email: string, addressHash: string | null): string[] {
  return [`email:${email.toLowerCase()}`, ...(addressHash ? [`address:${addressHash}`] : [])];
}

/** When the caller may try again, if any key is locked now. */
export async function lockedUntil(keys: string[]): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  const now = Date.now();
  const until = rows
    .map((r) => r.lockedUntil?.getTime() ?? 0)
    .filter((t) => t > now)
    .sort((a, b) => b - a)[0];
  return until ? new Date(until) : null;
}

export async function recordFailure(keys: string[]) {
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.signInThrottle.upsert({
        where: { key },
        create: { key, failures: 1 },
        update: { failures: { increment: 1 } },
      });
      if (row.failures >= FREE_FAILURES) {
        const wait = Math.min(MAX_MS, BASE_MS * 2 ** (row.failures - FREE_FAILURES));
        await tx.signInThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() + wait) } });
      }
    });
  }
}

export async function clearFailures(keys: string[]) {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}

function waitText(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

export function waitMessage(until: Date): string {
  return `Too many failed sign-ins. For your account's safety, please try again in ${waitText(until)}.`;
}

/**
 * New accounts from one address use the same back-off: five come freely, then
 * each further one doubles the wait, so a script cannot mint accounts (and,
 * through them, trusted posters) by the thousand.
 */
export const signUpKeys = (addressHash: string | null) => (addressHash ? [`signup:${addressHash}`] : []);

export function signUpWaitMessage(until: Date): string {
  return `Many accounts were created from your network just now. Please try again in ${waitText(until)}.`;
}

/**
 * Counts one request for `key` in a fixed window of `windowMs` that starts with the first request: null while the
 * window holds at most `limit`, else when the window ends (and the count starts again). A row of this kind keeps the
 * window's end in `lockedUntil` and its count in `failures`; its keys have prefixes of their own.
 */
export async function takeFromWindow(key: string, limit: number, windowMs: number): Promise<Date | null> {
  const now = new Date();
  // Each step is one statement that only one request can win, so requests at the same instant (several
  // instances, or the work after several answers) each count once, and none is refused under the limit.
  for (let attempt = 0; attempt < 5; attempt++) {
    // In the window and under the limit: counted.
    const counted = await db.signInThrottle.updateMany({
      where: { key, lockedUntil: { gt: now }, failures: { lt: limit } },
      data: { failures: { increment: 1 } },
    });
    if (counted.count === 1) return null;
    const row = await db.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true, failures: true } });
    if (row?.lockedUntil && row.lockedUntil > now) {
      if (row.failures >= limit) return row.lockedUntil;
      // Another request opened this window a moment ago: count in it.
      continue;
    }
    // No window yet, or the last one ended: this request opens a new one, unless another just did.
    const ends = new Date(now.getTime() + windowMs);
    if (!row) {
      try {
        await db.signInThrottle.create({ data: { key, failures: 1, lockedUntil: ends } });
        return null;
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
        continue;
      }
    }
    const reopened = await db.signInThrottle.updateMany({
      where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { failures: 1, lockedUntil: ends },
    });
    if (reopened.count === 1) return null;
  }
  // Still racing after five tries: let this one through rather than refuse someone under the limit.
  return null;
}
