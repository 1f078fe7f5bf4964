import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PasswordForm, ProfileForm, changePassword, updateProfile } from "~/auth/accounts.server";
import { getSession, requireUser } from "~/auth/guards.server";
import { blankSessionCookie, invalidateOtherSessions } from "~/auth/sessions.server";
import { deleteAccount, devices } from "~/auth/own-account.server";
import { requestEmailChange } from "~/mail/email-change.server";
import { flashHeaders } from "~/security/cookies.server";
import { showDateTime } from "~/utils/dates";
import { z } from "zod";
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
  const session = await getSession(request);
  const signedIn = (await devices(user.id, session?.id ?? null)).map((d) => ({
    key: d.id.slice(0, 12),
    current: d.current,
    device: d.device,
    signedIn: showDateTime(d.signedIn),
    lastUsed: showDateTime(d.lastUsed),
  }));
  return { user, devices: signedIn, otherSessions: signedIn.filter((d) => !d.current).length };
}

const EmailForm = z.object({ newEmail: z.string({ required_error: "Give the new address." }).trim().min(1).max(254) });

const DeleteForm = z.object({
  password: z.string({ required_error: "Type your password to delete the account." }).min(1),
  posts: z.enum(["keep", "delete"], { message: "Choose what happens to your posts." }),
});

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = intentOf(formData, ["profile", "password", "sign-out-others", "delete", "email"]);
  if (intent === "email") {
    const submission = await parseSubmission(formData, EmailForm);
    if (submission.status !== "success") return refuse(submission, {}, { form: intent });
    let address: string;
    try {
      address = await requestEmailChange(user.id, submission.value.newEmail);
    } catch (error) {
      return refused(submission, error, { form: intent });
    }
    return accepted(
      submission,
      `We sent a link to ${address}. Your address changes once you open it; until then it stays ${user.email}.`,
      { form: intent },
    );
  }
  if (intent === "delete") {
    const submission = await parseSubmission(formData, DeleteForm);
    if (submission.status !== "success") return refuse(submission, {}, { form: intent, hide: ["password"] });
    try {
      await deleteAccount(user.id, submission.value.password, submission.value.posts === "delete");
    } catch (error) {
      return refused(submission, error, { form: intent, hide: ["password"] });
    }
    const headers = new Headers({ "Set-Cookie": blankSessionCookie() });
    const said =
      submission.value.posts === "delete"
        ? "and your posts are deleted"
        : "and your posts stay under “a former reader”";
    headers.append("Set-Cookie", (await flashHeaders(`Your account is deleted, ${said}.`))["Set-Cookie"]);
    return redirect("/", { headers });
  }
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
  const { user, otherSessions, devices: signedIn } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [profile, profileFields, profileDone] = useServerForm("profile", answer, {
    name: user.displayName,
    notifyReplies: user.notifyReplies ? "on" : null,
    queueDigest: user.queueDigest ?? "none",
  });
  const [password, passwordFields, passwordDone] = useServerForm("password", answer);
  const [removal, removalFields] = useServerForm("delete", answer, { posts: "keep" });
  const [emailForm, emailFields, emailDone] = useServerForm("email", answer);
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

      <AccountForm id="email" title="Change email" form={emailForm} done={emailDone}>
        <p>
          Your address is {user.email}. A link goes to the new one; it replaces this one once you open it, and this one
          is told.
        </p>
        <Field meta={emailFields.newEmail} type="email" label="New email" autoComplete="email" />
        <button type="submit" name="intent" value="email" className="button">
          Send the link
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
        <h2 id="sessions-title">Devices</h2>
        <ul className="devices">
          {signedIn.map((d) => (
            <li key={d.key}>
              <strong>{d.device}</strong>
              {d.current ? " (this one)" : ""} · signed in <time dateTime={d.signedIn.iso}>{d.signedIn.text}</time> ·
              last used <time dateTime={d.lastUsed.iso}>{d.lastUsed.text}</time>
            </li>
          ))}
        </ul>
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

      <section aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p>
          Everything kept about you here (your account, every post with its earlier versions, what you follow, your “me
          too”s and marks) as one JSON file: <a href="/account/data.json">Download my data</a>.
        </p>
      </section>

      <AccountForm id="delete" title="Delete my account" form={removal} done={null}>
        <p>
          Your account, sessions and email subscriptions go at once. Your posts either stay, under “a former reader”, or
          are deleted (replies under them keep their place).
        </p>
        <fieldset>
          <legend>Your posts</legend>
          <label>
            <input type="radio" name={removalFields.posts.name} value="keep" defaultChecked /> Keep them, under “a
            former reader”
          </label>
          <label>
            <input type="radio" name={removalFields.posts.name} value="delete" /> Delete them
          </label>
        </fieldset>
        <Field
          meta={removalFields.password}
          type="password"
          label="Your password, to confirm"
          autoComplete="current-password"
        />
        <button type="submit" name="intent" value="delete" className="button button--danger">
          Delete my account
        </button>
      </AccountForm>
    </div>
  );
}
