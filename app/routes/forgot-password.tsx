import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { ForgotForm, requestReset } from "~/mail/password-reset.server";
import { addressHashOf } from "~/auth/visitor.server";
import { Field, FormError, FormSuccess, formProps, useServerForm } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { accepted, parseSubmission, refuse, formHeaders } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Forgotten password — Afterword" }];

export const headers = formHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await parseSubmission(request, ForgotForm);
  if (submission.status !== "success") return refuse(submission);
  // The link goes out after this answer (requestReset says why); its outcome is not awaited here.
  const { retryAt } = await requestReset(
    submission.value.email,
    addressHashOf(context.clientAddress),
    context.afterResponse,
  );
  if (retryAt) {
    const seconds = Math.ceil((retryAt.getTime() - Date.now()) / 1000);
    return refuse(
      submission,
      { form: `Many links were asked for just now. Please try again in ${Math.ceil(seconds / 60)} minutes.` },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  // The same answer whether or not an account uses the address.
  return accepted(
    submission,
    `If an account uses ${submission.value.email}, we have sent it a link to choose a new password. It works once, within the hour.`,
  );
}

export default function ForgotPassword() {
  const [form, fields, done] = useServerForm("forgot", useActionData<typeof action>());
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-page">
      <h1>Forgotten password</h1>
      <p>Give the email address of your account, and we will send it a link to choose a new password.</p>
      <Form method="post" className="auth-form" {...formProps(form)}>
        <FormSuccess message={done} />
        <FormError form={form} />
        <Field meta={fields.email} type="email" label="Email" autoComplete="email" required />
        <button type="submit" className="button button--primary" disabled={busy}>
          Send the link
        </button>
      </Form>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}
