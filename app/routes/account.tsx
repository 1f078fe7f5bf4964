import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PasswordForm, ProfileForm, changePassword, updateProfile } from "~/auth/accounts.server";
import { getSession, requireUser } from "~/auth/guards.server";
import { countOtherSessions, invalidateOtherSessions } from "~/auth/sessions.server";
import {
  CheckboxField,
  Field,
  FormError,
  FormSuccess,
  SelectField,
  formProps,
  useServerForm,
} from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { accepted, intentOf, parseSubmission, readForm, refuse, refused } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Your account — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user, otherSessions: await countOtherSessions(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = intentOf(formData, ["profile", "password", "sign-out-others"]);
  if (intent === "profile") {
    const submission = await parseSubmission(formData, ProfileForm);
    if (submission.status !== "success") return refuse(submission, {}, { form: intent });
    try {
      await updateProfile(user.id, submission.value);
    } catch (error) {
      return refused(submission, error, { form: intent });
    }
    return accepted(submission, "Your details are saved.", { form: intent });
  }
  if (intent === "password") {
    const submission = await parseSubmission(formData, PasswordForm);
    const hide = ["currentPassword", "password"];
    if (submission.status !== "success") return refuse(submission, {}, { form: intent, hide });
    const session = await getSession(request);
    const { currentPassword, password } = submission.value;
    let others: number;
    try {
      others = (await changePassword(user.id, currentPassword, password, session?.id ?? null)).signedOut;
    } catch (error) {
      return refused(submission, error, { form: intent, hide });
    }
    return accepted(
      submission,
      others > 0
        ? `Your password is changed, and ${others} other ${others === 1 ? "session was" : "sessions were"} signed out.`
        : "Your password is changed.",
      { form: intent },
    );
  }
  const session = await getSession(request);
  const count = await invalidateOtherSessions(user.id, session!.id);
  return data({ form: intent, done: `Signed out of ${count} other ${count === 1 ? "session" : "sessions"}.` });
}

/** One of the account page's forms in its own titled section, with what it did or why not. */
function AccountForm(props: {
  id: string;
  title: string;
  form: Parameters<typeof formProps>[0];
  done: string | null;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Form method="post" className="auth-form" {...formProps(props.form)}>
        <FormSuccess message={props.done} />
        <FormError form={props.form} />
        {props.children}
      </Form>
    </section>
  );
}

export default function Account() {
  const { user, otherSessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [profile, profileFields, profileDone] = useServerForm("profile", answer, {
    name: user.displayName,
    notifyReplies: user.notifyReplies ? "on" : null,
    queueDigest: user.queueDigest ?? "none",
  });
  const [password, passwordFields, passwordDone] = useServerForm("password", answer);
  const signedOut = answer?.form === "sign-out-others" && "done" in answer ? answer.done : null;
  return (
    <div className="auth-page account-page">
      <h1>Your account</h1>
      <p>
        {user.email} · {user.role === "reader" ? "Reader" : `Staff: ${user.role}`}
      </p>

      <AccountForm id="profile" title="Your details" form={profile} done={profileDone}>
        <Field meta={profileFields.name} label="Display name" autoComplete="name" />
        <CheckboxField
          meta={profileFields.notifyReplies}
          label="Tick “Email me when the author answers or someone replies” for me on the ask and reply forms"
        />
        {user.role === "reader" ? null : (
          <SelectField meta={profileFields.queueDigest} label="The moderation queue by email">
            <option value="none">No digest</option>
            <option value="hourly">Every hour, when something waits</option>
            <option value="daily">Every day, when something waits</option>
          </SelectField>
        )}
        <button type="submit" name="intent" value="profile" className="button button--primary">
          Save details
        </button>
      </AccountForm>

      <AccountForm id="password" title="Change password" form={password} done={passwordDone}>
        <Field
          meta={passwordFields.currentPassword}
          type="password"
          label="Current password"
          autoComplete="current-password"
        />
        <Field meta={passwordFields.password} type="password" label="New password" autoComplete="new-password" />
        <button type="submit" name="intent" value="password" className="button button--primary">
          Change password
        </button>
      </AccountForm>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <Form method="post">
          <FormSuccess message={signedOut} />
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
