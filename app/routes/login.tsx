import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { SignInForm, signIn } from "~/auth/accounts.server";
import { getUser, safeRedirect } from "~/auth/guards.server";
import { startSession } from "~/auth/sign-in.server";
import { addressHashOf } from "~/auth/visitor.server";
import { Field, FormError, formProps, useServerForm } from "~/components/field";
import { useFrame } from "~/components/frame";
import { requireSameOrigin } from "~/security/same-origin.server";
import { parseSubmission, refuse, refused } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Never guarded: a signed-in visitor is simply sent on, so no redirect can loop.
  if (await getUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await parseSubmission(request, SignInForm);
  if (submission.status !== "success") return refuse(submission, {}, { hide: ["password"] });
  try {
    const user = await signIn(submission.value, addressHashOf(context.clientAddress));
    return startSession(request, user.id, safeRedirect(submission.value.redirectTo));
  } catch (error) {
    return refused(submission, error, { hide: ["password"] });
  }
}

export default function Login() {
  const [form, fields] = useServerForm("sign-in", useActionData<typeof action>());
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  // In a frame (/embed/sign-in), pages the frame does not have open on Afterword in a new tab.
  const { target } = useFrame();
  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      <Form method="post" className="auth-form" aria-labelledby="sign-in-title" {...formProps(form)}>
        <h2 id="sign-in-title" className="visually-hidden">
          Sign in
        </h2>
        <FormError form={form} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field meta={fields.email} type="email" label="Email" autoComplete="email" required />
        <Field meta={fields.password} type="password" label="Password" autoComplete="current-password" required />
        <button type="submit" className="button button--primary" disabled={busy}>
          Sign in
        </button>
      </Form>
      <p>
        <Link to="/forgot-password" target={target("/forgot-password")}>
          Forgotten your password?
        </Link>
      </p>
      <p>
        New here?{" "}
        <Link to={`/signup${params.size ? `?${params}` : ""}`} target={target("/signup")}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
