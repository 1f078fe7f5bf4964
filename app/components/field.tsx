// Form fields wired to Conform: a label, the control, a hint, and the field's
// messages next to it, tied to the control for screen readers. The values a
// refused form sent come back as the controls' defaults.
import {
  type FieldMetadata,
  type FormMetadata,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import type { ServerAnswer } from "~/utils/answers";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Conform's field metadata, whatever the field's value type: the components read only its name, id and messages.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Meta = FieldMetadata<any, any, string[]>;

type InputType = "text" | "email" | "password" | "number" | "url" | "search" | "checkbox" | "hidden";

/**
 * One form's state from the server's last answer to it. On a page with several
 * forms, `id` names this one and only its own answer is applied.
 */
export function useServerForm(
  id: string,
  answer: ServerAnswer | null | undefined,
  defaultValue?: Record<string, string | boolean | null | undefined>,
) {
  const mine = answer && (answer.form === undefined || answer.form === id) ? answer : undefined;
  const [form, fields] = useForm({ id, lastResult: mine?.result, defaultValue, shouldValidate: "onSubmit" });
  return [form, fields, mine?.done ?? null] as const;
}

/** The <form> element's own attributes (id, noValidate, and its messages' id). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function formProps(form: FormMetadata<any, string[]>) {
  return getFormProps(form);
}

function describedBy(meta: Meta, hintId?: string) {
  return [meta.errors?.length ? meta.errorId : null, hintId].filter(Boolean).join(" ") || undefined;
}

function Messages({ meta }: { meta: Meta }) {
  return meta.errors?.length ? (
    <p className="field-error" id={meta.errorId}>
      {meta.errors.join(" ")}
    </p>
  ) : null;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="field-hint" id={id}>
      {hint}
    </p>
  ) : null;
}

type FieldProps = {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
};

/** A field's label, its control, its hint and its messages; the control gets the ids that tie them together. */
function Labelled({
  meta,
  label,
  hint,
  control,
}: FieldProps & { control: (describedBy: string | undefined) => ReactNode }) {
  const hintId = `${meta.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {control(describedBy(meta, hint ? hintId : undefined))}
      <Hint id={hintId} hint={hint} />
      <Messages meta={meta} />
    </div>
  );
}

/** A labelled field around one kind of control, which receives the ids of its hint and messages. */
function labelled<Rest>(control: (meta: Meta, describedBy: string | undefined, rest: Rest) => ReactNode) {
  return function LabelledField({ meta, label, hint, ...rest }: FieldProps & Rest) {
    return <Labelled meta={meta} label={label} hint={hint} control={(ids) => control(meta, ids, rest as Rest)} />;
  };
}

type InputRest = { type?: InputType } & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name">;
export const Field = labelled<InputRest>((meta, ids, { type = "text", ...rest }) => {
  const { key, ...input } = getInputProps(meta, { type: type as "text" });
  return <input key={key} {...input} {...rest} aria-describedby={ids} />;
});

export const TextareaField = labelled<Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">>((meta, ids, rest) => {
  const { key, ...textarea } = getTextareaProps(meta);
  return <textarea key={key} {...textarea} {...rest} aria-describedby={ids} />;
});

export const SelectField = labelled<Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">>((meta, ids, rest) => {
  const { key, ...select } = getSelectProps(meta);
  return <select key={key} {...select} {...rest} aria-describedby={ids} />;
});

export function CheckboxField({
  meta,
  label,
  ...rest
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name">) {
  const { key, ...input } = getInputProps(meta, { type: "checkbox" });
  return (
    <div className="field field--checkbox">
      <input key={key} {...input} {...rest} />
      <label htmlFor={meta.id}>{label}</label>
      <Messages meta={meta} />
    </div>
  );
}

/** The form's own messages (not tied to one field), read out when they appear. */
export function FormError({
  form,
  message,
}: {
  form?: { errors?: string[]; errorId: string };
  message?: string | null;
}) {
  const text = [...(form?.errors ?? []), message].filter(Boolean).join(" ");
  return text ? (
    <p className="form-error" role="alert" id={form?.errorId}>
      {text}
    </p>
  ) : null;
}

/** Every message of a form's answer, the form's own and its fields', for a page that shows them in one place. */
export function answerMessages(answer: ServerAnswer | null | undefined): string | null {
  const errors = answer?.result?.error ?? {};
  const messages = Object.values(errors).flatMap((list) => list ?? []);
  return messages.length ? messages.join(" ") : null;
}

export function FormSuccess({ message }: { message?: string | null }) {
  return message ? (
    <p className="form-success" role="status">
      {message}
    </p>
  ) : null;
}
