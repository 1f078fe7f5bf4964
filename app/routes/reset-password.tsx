import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ResetForm, resetPassword, resetTarget } from "~/mail/password-reset.server";
import { MIN_PASSWORD_LENGTH } from "~/auth/passwords.server";
import { startSession } from "~/auth/sign-in.server";
import { Field, FormError, formProps, useServerForm } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { parseSubmission, refuse, refused } from "~/utils/form.server";
import { isRefusal } from "~/utils/refusal";

export const meta: MetaFunction = () => [
  { title: "Choose a new password — Afterword" },
  { name: "robots", content: "noindex" },
];

const GONE = "This link has been used or is more than an hour old. Ask for a new one on the “Forgotten password” page.";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const target = await resetTarget(token);
  if (!target) throw new Response(GONE, { status: 410, statusText: "This link does not work any more" });
  return { token: token!, email: target.user.email, minLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await parseSubmission(request, ResetForm);
  if (submission.status !== "success") return refuse(submission, {}, { hide: ["password"] });
  let userId: string;
  try {
    userId = await resetPassword(submission.value.token, submission.value.password);
  } catch (error) {
    if (isRefusal(error) && error.status === 410) {
      throw new Response(GONE, { status: 410, statusText: "This link does not work any more" });
    }
    return refused(submission, error, { hide: ["password"] });
  }
  // Every other session ended with the old password; this one starts with the new.
  return startSession(
    request,
    userId,
    "/account",
    "Your password is changed, and you are signed in. Every other device was signed out.",
  );
}

export default function ResetPassword() {
  const { token, email, minLength } = useLoaderData<typeof loader>();
  const [form, fields] = useServerForm("reset", useActionData<typeof action>());
  return (
    <div className="auth-page">
      <h1>Choose a new password</h1>
      <p>
        For the account of <strong>{email}</strong>. Every device signed in to it is signed out.
      </p>
      <Form method="post" className="auth-form" {...formProps(form)}>
        <FormError form={form} />
        <input type="hidden" name="token" value={token} />
        <Field
          meta={fields.password}
          type="password"
          label="New password"
          autoComplete="new-password"
          hint={`At least ${minLength} characters. A few unrelated words make a strong one.`}
        />
        <button type="submit" className="button button--primary">
          Save the new password
        </button>
      </Form>
    </div>
  );
}
