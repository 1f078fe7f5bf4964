// The test data the integration tests write with, made one way: visitors as
// intake sees them (a guest, an account), and how a refused call is read.
// Accounts with a session are in users.ts; readers' browsers for HTTP tests in
// visitors.ts.
import type { Visitor } from "~/auth/visitor.server";
import { type Refusal, isRefusal } from "~/utils/refusal";

let made = 0;

/** A guest who opened the form a minute ago, with a cookie and an address of their own. */
export function guestVisitor(over: Partial<Visitor> = {}): Visitor {
  made++;
  return {
    userId: null,
    role: null,
    guestKey: `guest-${made}`,
    ipHash: `ip-${made}`,
    formShownAt: Date.now() - 60_000,
    ...over,
  };
}

/** A signed-in account posting, who opened the form a minute ago, from an address of their own. */
export function accountVisitor(user: { id: string; role: string }, over: Partial<Visitor> = {}): Visitor {
  made++;
  return {
    userId: user.id,
    role: user.role,
    guestKey: null,
    ipHash: `ip-${made}`,
    formShownAt: Date.now() - 60_000,
    ...over,
  };
}

/** The Refusal a call ends in, or null when it went through; any other error fails the test. */
export function refusalOf(work: Promise<unknown>): Promise<Refusal | null> {
  return work.then(
    () => null,
    (error: unknown) => (isRefusal(error) ? error : Promise.reject(error)),
  );
}

/** The status of the Refusal a call ends in, or null when it went through. */
export async function refusalStatus(work: Promise<unknown>): Promise<number | null> {
  return (await refusalOf(work))?.status ?? null;
}
