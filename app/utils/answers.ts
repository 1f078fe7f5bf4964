// What an action answers a form with, as the form's components read it: the
// form it is for, Conform's reply, and what was done. A type every layer
// shares, so it lives below them (the actions write it, components read it).
import type { SubmissionResult } from "@conform-to/react";

export type ServerAnswer = { form?: string; result?: SubmissionResult<string[]>; done?: string };
