import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signIn } from "~/auth/accounts.server";
import { getUser, safeRedirect } from "~/auth/guards.server";
import { startSession } from "~/auth/sign-in.server";
import { addressHashOf } from "~/posts/visitor.server";
import { Field, FormError } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Never guarded: a signed-in visitor is simply sent on, so no redirect can loop.
  if (await getUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await readForm(request);
  const email = String(form.get("email") ?? "");
  const result = await signIn(
    { email, password: String(form.get("password") ?? "") },
    addressHashOf(context.clientAddress),
  );
  if (!result.ok) return data({ email, errors: result.errors }, { status: result.status });
  return startSession(request, result.value.id, safeRedirect(form.get("redirectTo")));
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      <Form method="post" className="auth-form" aria-labelledby="sign-in-title" noValidate>
        <h2 id="sign-in-title" className="visually-hidden">
          Sign in
        </h2>
        <FormError message={actionData?.errors.form} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          required
          defaultValue={actionData?.email}
        />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          Sign in
        </button>
      </Form>
      <p>
        New here? <Link to={`/signup${params.size ? `?${params}` : ""}`}>Create an account</Link>
      </p>
    </div>
  );
}
