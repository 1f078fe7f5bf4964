// The one way the domain refuses what it was asked: it throws a Refusal with
// the HTTP status the answer gets (400 bad input, 403 not allowed, 404 not
// there, 409 changed meanwhile, 410 gone for good, 429 too many) and a message for the person,
// and, where its messages are about form fields, each field's message. Routes
// catch it and answer the form with it (`refused`, utils/form.server.ts);
// nothing is written on the way to a Refusal (each domain function decides
// before its transaction writes, or throws inside it, which rolls it back).
export type RefusalStatus = 400 | 403 | 404 | 409 | 410 | 413 | 429;

export class Refusal extends Error {
  readonly status: RefusalStatus;
  /** Each message by the form field it is about ("form" for the form as a whole). */
  readonly fields: Partial<Record<string, string>>;
  /** When trying again will be let through, for a 429. */
  readonly retryAt: Date | null;

  /**
   * `detail.field`: the one field the message is about; `detail.fields`: a
   * message for each of several fields at once (the message is then their first).
   */
  constructor(
    status: RefusalStatus,
    message: string,
    detail: { field?: string; fields?: Partial<Record<string, string>>; retryAt?: Date | null } = {},
  ) {
    super(message);
    this.name = "Refusal";
    this.status = status;
    this.fields = detail.fields ?? { [detail.field ?? "form"]: message };
    this.retryAt = detail.retryAt ?? null;
  }

  /** A refusal of several fields at once, each with its message. */
  static ofFields(status: RefusalStatus, fields: Partial<Record<string, string>>) {
    const first = Object.values(fields).find(Boolean) ?? "This could not be done.";
    return new Refusal(status, first, { fields });
  }
}

/** Whether `error` is the domain refusing (answered with its status), rather than a fault (answered 500). */
export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
