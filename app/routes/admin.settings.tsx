import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ADMINS } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { Field, FormError, FormSuccess, TextareaField, formProps, useServerForm } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { accepted, parseSubmission, refuse } from "~/utils/form.server";
import { SettingsForm, getSettings, saveSettings } from "~/settings/settings.server";

export const meta: MetaFunction = () => [{ title: "Settings — Afterword" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ADMINS);
  return { settings: await getSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requireRole(request, ADMINS);
  const submission = await parseSubmission(request, SettingsForm);
  if (submission.status !== "success") return refuse(submission, { form: "Some settings need another look." });
  await saveSettings(submission.value);
  return accepted(submission, "Settings saved.");
}

export default function AdminSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const [form, fields, saved] = useServerForm(
    "settings",
    useActionData<typeof action>(),
    Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
  );
  const number = (
    name: Exclude<keyof typeof settings, "bannedWords" | "moderationMode">,
    label: string,
    hint?: string,
  ) => <Field meta={fields[name]} type="number" label={label} hint={hint} />;
  return (
    <div className="auth-page">
      <h1>Settings</h1>
      <Form method="post" className="auth-form" {...formProps(form)}>
        <FormSuccess message={saved} />
        <FormError form={form} />
        <fieldset
          className="field choices"
          aria-describedby={fields.moderationMode.errors ? fields.moderationMode.errorId : undefined}
        >
          <legend>Moderation mode</legend>
          {fields.moderationMode.errors ? (
            <p className="field-error" id={fields.moderationMode.errorId}>
              {fields.moderationMode.errors.join(" ")}
            </p>
          ) : null}
          {(
            [
              ["pre", "Hold every post for a moderator"],
              ["first", "Hold guests, and readers until their first post is approved"],
              ["post", "Publish at once, review afterwards"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="moderationMode"
                value={value}
                defaultChecked={fields.moderationMode.initialValue === value}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        {number("softLimit", "Soft limit (characters)", "Longer posts are flagged “long” for moderators.")}
        {number("hardLimit", "Hard limit (characters)", "Longer posts are refused with the count.")}
        {number("maxLinks", "Links before a post is flagged")}
        {number("rateLimit", "Posts one visitor may send per window")}
        {number("rateWindowMinutes", "Window (minutes)")}
        {number("minSecondsToPost", "Seconds between seeing a form and posting, at least")}
        {number("editMinutes", "Minutes a writer may edit their post", "0 turns editing off; deleting stays possible.")}
        {number(
          "reportsToHide",
          "Readers’ reports that hide a published post",
          "Reports from this many different readers take a post off the page until a moderator decides; 0: never.",
        )}
        {number(
          "guardRunWords",
          "Copyright guard: shared words in a row that stop a post",
          "At least 8, the guard’s run length.",
        )}
        {number("guardSharedPercent", "Copyright guard: percent of a post’s words in shared runs that stop it")}
        <TextareaField
          meta={fields.bannedWords}
          label="Banned words and phrases"
          rows={5}
          hint="One per line. A post using one is held for a moderator with the flag “banned word”."
        />
        <button type="submit" className="button button--primary">
          Save settings
        </button>
      </Form>
    </div>
  );
}
