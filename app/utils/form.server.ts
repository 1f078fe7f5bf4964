// Reading what a request sends, for every action and loader: a body that is
// not a form, or a number that is not a number, is the sender's mistake and
// answers 4xx with a sentence, never a 500 from deep inside a parser.
import { isRefusal } from "~/utils/refusal";
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type HeadersFunction, data } from "@remix-run/node";
import { type ZodTypeAny, z } from "zod";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function badRequest(status: 400 | 415, message: string): Response {
  return new Response(message, {
    status,
    statusText: status === 415 ? "Unsupported Media Type" : "Bad Request",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** The request's form fields; throws 415 for a body that is not a form and 400 for one that cannot be read. */
export async function readForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType)) {
    throw badRequest(415, "This address takes a form (application/x-www-form-urlencoded or multipart/form-data).");
  }
  if (mediaType === "multipart/form-data" && !/;\s*boundary=/i.test(contentType)) {
    throw badRequest(400, "This multipart form names no boundary, so it cannot be read.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badRequest(400, "This form could not be read. Please reload the page and send it again.");
  }
  // No one types a NUL character, and PostgreSQL cannot store one in text.
  for (const [name, value] of form) {
    if (name.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) {
      throw badRequest(
        400,
        "This form contains a NUL character, which no field accepts. Please remove it and send it again.",
      );
    }
  }
  return form;
}

/**
 * The largest id either database holds (a 32-bit Int column): a larger number
 * is no record's id, and handed to a query it would fail there as a 500.
 */
export const MAX_RECORD_ID = 2_147_483_647;

/** A positive whole number written in decimal digits that can be a record's id, or null. */
export function positiveInt(value: FormDataEntryValue | string | null | undefined): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n > 0 && n <= MAX_RECORD_ID ? n : null;
}

/** A form field holding a record's id, for the zod schemas of forms; `message` when it is missing or not one. */
export function idField(message = "That number is not valid.") {
  return z
    .number({ required_error: message, invalid_type_error: message })
    .int(message)
    .positive(message)
    .max(MAX_RECORD_ID, message);
}

/** Like positiveInt, but a missing or malformed id is a 400 with the given sentence. */
export function requireId(value: FormDataEntryValue | string | null | undefined, what = "post"): number {
  const id = positiveInt(value);
  if (id === null) throw badRequest(400, `That ${what} number is not valid.`);
  return id;
}

/** A page number from the query string: none is page 1; one that is not a page number is a 400. */
export function pageParam(value: string | null): number {
  if (value === null || value === "") return 1;
  const page = positiveInt(value);
  if (page === null) throw badRequest(400, "That page number is not valid. Pages are numbered from 1.");
  return page;
}

// Every form is declared once as a zod schema and read the same way: Conform's
// parseWithZod turns the fields into the schema's values (an empty field is
// "missing"), and a refusal goes back as Conform's reply, carrying every
// field's message at once and the values to put back in the form.

/** The request's form (or a form already read), checked against its schema. */
export async function parseSubmission<Schema extends ZodTypeAny>(from: Request | FormData, schema: Schema) {
  return parseWithZod(from instanceof Request ? await readForm(from) : from, { schema });
}

export type Problems = Partial<Record<string, string | null | undefined>>;

type AnySubmission = { reply: Submission<unknown>["reply"] };

/**
 * A 4xx answer to a form: the schema's messages, plus any the domain found
 * (`form` is the message for the form as a whole), with the values sent kept
 * (except the hidden fields, such as passwords).
 */
export function refuse(
  submission: AnySubmission,
  problems: Problems = {},
  init: {
    status?: number;
    hide?: string[];
    headers?: HeadersInit;
    form?: string;
    extra?: Record<string, unknown>;
  } = {},
) {
  const { form, ...fields } = problems;
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, message] of Object.entries(fields)) if (message) fieldErrors[name] = [message];
  const result = submission.reply({
    formErrors: form ? [form] : [],
    fieldErrors,
    hideFields: init.hide,
  });
  return data({ ...init.extra, form: init.form, result }, { status: init.status ?? 400, headers: init.headers });
}

/**
 * The answer to a form whose domain call threw: a Refusal becomes the form's
 * messages with its status (values kept, `hide` fields not); anything else is
 * a fault, thrown on. Every route catches the domain this one way.
 */
export function refused(
  submission: AnySubmission,
  error: unknown,
  init: { hide?: string[]; headers?: HeadersInit; form?: string; extra?: Record<string, unknown> } = {},
) {
  if (!isRefusal(error)) throw error;
  return refuse(submission, error.fields, { ...init, status: error.status });
}

/**
 * For a button with no form to answer (archive, restore): a Refusal from
 * `work` becomes the error page with its status and message; anything else is
 * thrown on.
 */
export async function answerRefusal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isRefusal(error)) throw error;
    throw new Response(error.message, { status: error.status });
  }
}

/** A form that went through and stays on its page: emptied, with what was done said. */
export function accepted(submission: AnySubmission, done: string, init: { headers?: HeadersInit; form?: string } = {}) {
  return data({ form: init.form, result: submission.reply({ resetForm: true }), done }, { headers: init.headers });
}

/** A page with several forms names the one sent in `intent`; any other is a 400. */
export function intentOf<T extends string>(form: FormData, intents: readonly T[]): T {
  const intent = form.get("intent");
  if (typeof intent === "string" && (intents as readonly string[]).includes(intent)) return intent as T;
  throw badRequest(400, "This form asks for something this page does not do. Please reload the page and try again.");
}

/**
 * A form route's `headers`: a document answer carries its action's Retry-After (a 429 says when to try again).
 * Without a `headers` export Remix keeps only the action's cookies.
 */
export const formHeaders: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
