// The one way the domain refuses what it was asked: it throws a Refusal with
// the HTTP status the answer gets (400 bad input, 403 not allowed, 404 not
// there, 409 changed meanwhile, 429 too many) and a message for the person,
// and, where the message is about one form field, that field's name. Routes
// catch it (`isRefusal`) and answer the form with it (utils/form.server.ts);
// nothing is written on the way to a Refusal (each domain function decides
// before its transaction writes, or throws inside it, which rolls it back).
export type RefusalStatus = 400 | 403 | 404 | 409 | 413 | 429;

export class Refusal extends Error {
  readonly status: RefusalStatus;
  /** The form field the message is about, when it is about one. */
  readonly field: string | undefined;
  /** When trying again will be let through, for a 429. */
  readonly retryAt: Date | null;

  constructor(status: RefusalStatus, message: string, detail: { field?: string; retryAt?: Date | null } = {}) {
    super(message);
    this.name = "Refusal";
    this.status = status;
    this.field = detail.field;
    this.retryAt = detail.retryAt ?? null;
  }
}

/** Whether `error` is the domain refusing (answered with its status), rather than a fault (answered 500). */
export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
