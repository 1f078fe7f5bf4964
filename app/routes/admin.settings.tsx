import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { Field, FormError, FormSuccess } from "~/components/field";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm } from "~/utils/form.server";
import { MODERATION_MODES, getSettings, setSetting } from "~/settings/settings.server";

export const meta: MetaFunction = () => [{ title: "Settings — Afterword" }];

const ADMINS = ["admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ADMINS);
  return { settings: await getSettings() };
}

const whole = (min: number, max: number, what: string) =>
  z.coerce
    .number({ invalid_type_error: `${what} must be a whole number.` })
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be at least ${min}.`)
    .max(max, `${what} must be at most ${max}.`);

const schema = z.object({
  moderationMode: z.enum(MODERATION_MODES, { message: "Choose one of the moderation modes." }),
  softLimit: whole(100, 10_000, "The soft limit"),
  hardLimit: whole(500, 50_000, "The hard limit"),
  maxLinks: whole(0, 50, "Links before flagging"),
  rateLimit: whole(1, 1000, "Posts per window"),
  rateWindowMinutes: whole(1, 1440, "The window"),
  minSecondsToPost: whole(0, 120, "The minimum seconds"),
  editMinutes: whole(0, 1440, "The edit window"),
  guardRunWords: whole(8, 200, "Shared words in a row"),
  guardSharedPercent: whole(1, 100, "The shared share"),
  bannedWords: z.string().max(20_000, "The banned words list is too long.").default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requireRole(request, ADMINS);
  const form = Object.fromEntries(await readForm(request));
  const parsed = schema.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return data({ errors, saved: false }, { status: 400 });
  }
  if (parsed.data.softLimit > parsed.data.hardLimit) {
    return data(
      {
        errors: { softLimit: "The soft limit must not be above the hard limit." } as Record<string, string>,
        saved: false,
      },
      { status: 400 },
    );
  }
  for (const [key, value] of Object.entries(parsed.data)) await setSetting(key as keyof typeof parsed.data, value);
  return { errors: {} as Record<string, string>, saved: true };
}

export default function AdminSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const number = (
    name: Exclude<keyof typeof settings, "bannedWords" | "moderationMode">,
    label: string,
    hint?: string,
  ) => (
    <Field
      id={name}
      name={name}
      type="number"
      label={label}
      defaultValue={String(settings[name])}
      error={errors[name]}
      hint={hint}
    />
  );
  return (
    <div className="auth-page">
      <h1>Settings</h1>
      <Form method="post" className="auth-form" noValidate>
        <FormSuccess message={result?.saved ? "Settings saved." : null} />
        <FormError message={Object.keys(errors).length ? "Some settings need another look." : null} />
        <fieldset className="field choices">
          <legend>Moderation mode</legend>
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
                defaultChecked={settings.moderationMode === value}
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
          "guardRunWords",
          "Copyright guard: shared words in a row that stop a post",
          "At least 8, the guard’s run length.",
        )}
        {number("guardSharedPercent", "Copyright guard: percent of a post’s words in shared runs that stop it")}
        <div className="field">
          <label htmlFor="bannedWords">Banned words and phrases</label>
          <textarea
            id="bannedWords"
            name="bannedWords"
            rows={5}
            defaultValue={settings.bannedWords}
            aria-describedby="bannedWords-hint"
          />
          <p className="field-hint" id="bannedWords-hint">
            One per line. A post using one is held for a moderator with the flag “banned word”.
          </p>
          {errors.bannedWords ? <p className="field-error">{errors.bannedWords}</p> : null}
        </div>
        <button type="submit" className="button button--primary">
          Save settings
        </button>
      </Form>
    </div>
  );
}
