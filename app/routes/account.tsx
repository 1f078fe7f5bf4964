import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { changePassword, updateProfile } from "~/auth/accounts.server";
import { getSession, requireUser } from "~/auth/guards.server";
import { invalidateOtherSessions } from "~/auth/sessions.server";
import { Field, FormError, FormSuccess } from "~/components/field";
import { db } from "~/db.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Your account — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await db.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } });
  return { user, otherSessions: Math.max(0, sessions - 1) };
}

type Result = { intent: string; errors?: Record<string, string | undefined>; done?: string };

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  if (intent === "profile") {
    const result = await updateProfile(user.id, {
      name: String(form.get("name") ?? ""),
      notifyReplies: form.get("notifyReplies") === "on",
    });
    return result.ok
      ? data<Result>({ intent, done: "Your details are saved." })
      : data<Result>({ intent, errors: result.errors }, { status: result.status });
  }
  if (intent === "password") {
    const session = await getSession(request);
    const result = await changePassword(
      user.id,
      String(form.get("currentPassword") ?? ""),
      String(form.get("password") ?? ""),
      session?.id ?? null,
    );
    const others = result.ok ? result.value.signedOut : 0;
    return result.ok
      ? data<Result>({
          intent,
          done:
            others > 0
              ? `Your password is changed, and ${others} other ${others === 1 ? "session was" : "sessions were"} signed out.`
              : "Your password is changed.",
        })
      : data<Result>({ intent, errors: result.errors }, { status: result.status });
  }
  if (intent === "sign-out-others") {
    const session = await getSession(request);
    const count = await invalidateOtherSessions(user.id, session!.id);
    return data<Result>({ intent, done: `Signed out of ${count} other ${count === 1 ? "session" : "sessions"}.` });
  }
  return data<Result>({ intent, errors: { form: "Unknown action." } }, { status: 400 });
}

export default function Account() {
  const { user, otherSessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) => (result?.intent === intent ? (result.errors ?? {}) : {});
  const doneFor = (intent: string) => <FormSuccess message={result?.intent === intent ? result.done : null} />;
  return (
    <div className="auth-page account-page">
      <h1>Your account</h1>
      <p>
        {user.email} · {user.role === "reader" ? "Reader" : `Staff: ${user.role}`}
      </p>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Your details</h2>
        <Form method="post" className="auth-form" noValidate>
          {doneFor("profile")}
          <FormError message={errorsFor("profile").form} />
          <Field
            id="name"
            name="name"
            label="Display name"
            defaultValue={user.displayName}
            error={errorsFor("profile").name}
          />
          <div className="field field--checkbox">
            <input id="notifyReplies" name="notifyReplies" type="checkbox" defaultChecked={user.notifyReplies} />
            <label htmlFor="notifyReplies">Email me when someone replies to my posts</label>
          </div>
          <button type="submit" name="intent" value="profile" className="button button--primary">
            Save details
          </button>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <Form method="post" className="auth-form" noValidate>
          {doneFor("password")}
          <Field
            id="currentPassword"
            name="currentPassword"
            type="password"
            label="Current password"
            autoComplete="current-password"
            error={errorsFor("password").currentPassword}
          />
          <Field
            id="newPassword"
            name="password"
            type="password"
            label="New password"
            autoComplete="new-password"
            error={errorsFor("password").password}
          />
          <button type="submit" name="intent" value="password" className="button button--primary">
            Change password
          </button>
        </Form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <Form method="post">
          {doneFor("sign-out-others")}
          <p>
            You are signed in on {otherSessions} other{" "}
            {otherSessions === 1 ? "device or browser" : "devices or browsers"}.
          </p>
          <button type="submit" name="intent" value="sign-out-others" className="button">
            Sign out of every other session
          </button>
        </Form>
      </section>
    </div>
  );
}
