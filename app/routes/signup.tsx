import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { type FieldErrors, createAccount } from "~/auth/accounts.server";
import { MIN_PASSWORD_LENGTH } from "~/auth/passwords.server";
import { getUser, safeRedirect } from "~/auth/guards.server";
import { startSession } from "~/auth/sign-in.server";
import { lockedUntil, recordFailure, signUpKeys, signUpWaitMessage } from "~/auth/throttle.server";
import { addressHashOf } from "~/posts/visitor.server";
import { Field, FormError } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Create an account — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request))
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/account"));
  return { minLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await readForm(request);
  const values = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
  };
  const keys = signUpKeys(addressHashOf(context.clientAddress));
  const until = await lockedUntil(keys);
  if (until) {
    return data(
      { values: { name: values.name, email: values.email }, errors: { form: signUpWaitMessage(until) } as FieldErrors },
      { status: 429, headers: { "Retry-After": String(Math.ceil((until.getTime() - Date.now()) / 1000)) } },
    );
  }
  const result = await createAccount(values);
  if (!result.ok) {
    return data(
      { values: { name: values.name, email: values.email }, errors: result.errors },
      { status: result.status },
    );
  }
  await recordFailure(keys); // counts the accounts made from this address
  return startSession(request, result.value.id, safeRedirect(form.get("redirectTo"), "/account"));
}

export default function Signup() {
  const actionData = useActionData<typeof action>();
  const { minLength } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  return (
    <div className="auth-page">
      <h1>Create an account</h1>
      <p>
        With an account you post without filling in your name each time, and once a moderator has approved one of your
        posts, the next ones appear at once.
      </p>
      <Form method="post" className="auth-form" noValidate>
        <FormError message={errors.form} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/account"} />
        <Field
          id="name"
          name="name"
          label="Name"
          autoComplete="name"
          required
          defaultValue={actionData?.values.name}
          error={errors.name}
        />
        <Field
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          required
          defaultValue={actionData?.values.email}
          error={errors.email}
        />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="new-password"
          required
          error={errors.password}
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
