// A schema's refusal as one message per field (the first), for the domain
// functions that the command line and the seed call as well as the forms.
import type { ZodError } from "zod";

export function firstErrors(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
