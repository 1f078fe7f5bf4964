import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { confirmNewAccountEmail } from "~/mail/email-change.server";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { SignUpForm, createAccount } from "~/auth/accounts.server";
import { MIN_PASSWORD_LENGTH } from "~/auth/passwords.server";
import { getUser, safeRedirect } from "~/auth/guards.server";
import { startSession } from "~/auth/sign-in.server";
import { lockedUntil, recordFailure, signUpKeys, signUpWaitMessage } from "~/auth/throttle.server";
import { addressHashOf } from "~/auth/visitor.server";
import { Field, FormError, formProps, useServerForm } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { parseSubmission, refuse, refused, formHeaders } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Create an account — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request))
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/account"));
  return { minLength: MIN_PASSWORD_LENGTH };
}

export const headers = formHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await parseSubmission(request, SignUpForm);
  const keys = signUpKeys(addressHashOf(context.clientAddress));
  const until = await lockedUntil(keys);
  if (until) {
    return refuse(
      submission,
      { form: signUpWaitMessage(until) },
      {
        status: 429,
        hide: ["password"],
        headers: { "Retry-After": String(Math.ceil((until.getTime() - Date.now()) / 1000)) },
      },
    );
  }
  if (submission.status !== "success") return refuse(submission, {}, { hide: ["password"] });
  let user: { id: string; email: string };
  try {
    user = await createAccount(submission.value);
  } catch (error) {
    return refused(submission, error, { hide: ["password"] });
  }
  await recordFailure(keys); // counts the accounts made from this address
  // With REQUIRE_VERIFIED_EMAIL=1 the address gets its confirmation link; the account's posts wait for it.
  await confirmNewAccountEmail(user.email);
  return startSession(request, user.id, safeRedirect(submission.value.redirectTo, "/account"));
}

export default function Signup() {
  const [form, fields] = useServerForm("sign-up", useActionData<typeof action>());
  const { minLength } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  return (
    <div className="auth-page">
      <h1>Create an account</h1>
      <p>
        With an account you post without filling in your name each time, and once a moderator has approved one of your
        posts, the next ones appear at once.
      </p>
      <Form method="post" className="auth-form" {...formProps(form)}>
        <FormError form={form} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/account"} />
        <Field meta={fields.name} label="Name" autoComplete="name" required />
        <Field meta={fields.email} type="email" label="Email" autoComplete="email" required />
        <Field
          meta={fields.password}
          type="password"
          label="Password"
          autoComplete="new-password"
          required
          hint={`At least ${minLength} characters. A few unrelated words make a strong one.`}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          Create account
        </button>
      </Form>
      <p>
        Already have an account? <Link to={`/login${params.size ? `?${params}` : ""}`}>Sign in</Link>
      </p>
    </div>
  );
}
