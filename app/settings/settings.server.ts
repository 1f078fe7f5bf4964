// Site settings: defaults in code, overrides in the Setting table, so every
// app instance on one database agrees. Read once per request at most.
import { z } from "zod";
import { db } from "~/db.server";

export const SETTING_DEFAULTS = {
  /** Characters past which a post is flagged "long" for moderators. */
  softLimit: 1200,
  /** Characters past which a post is refused. */
  hardLimit: 10_000,
  /** Links past which a post is flagged "links". */
  maxLinks: 2,
  /** Posts one visitor may send in rateWindowMinutes. */
  rateLimit: 5,
  rateWindowMinutes: 10,
  /** Seconds a person takes at least between seeing the form and posting. */
  minSecondsToPost: 3,
  /** Minutes a writer may edit their own post after sending it. */
  editMinutes: 15,
  /** The copyright guard stops a post sharing this many words in a row with a protected source… */
  guardRunWords: 8,
  /** …or more than this share (percent) of its words in shared runs. */
  guardSharedPercent: 20,
  /** Distinct readers whose reports hide a published post until a moderator decides; 0: reports never hide. */
  reportsToHide: 3,
} as const;

export type NumericSettings = { -readonly [K in keyof typeof SETTING_DEFAULTS]: number };

/**
 * pre: hold every post that is not staff's; first (default): hold guests, and
 * readers until one of their posts has been approved; post: publish at once
 * and review after.
 */
export const MODERATION_MODES = ["pre", "first", "post"] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export type Settings = NumericSettings & {
  moderationMode: ModerationMode;
  /** Words or phrases, one per line, that hold a post for a moderator with the flag "banned word". */
  bannedWords: string;
};
export type SettingKey = keyof Settings;

export async function getSettings(): Promise<Settings> {
  // Read on every signed-in page (what the forms say) and every post: one plain query over a table of a few rows.
  const rows = await db.$queryRaw<{ key: string; value: string }[]>`SELECT "key", "value" FROM "Setting"`;
  const settings: Settings = { ...SETTING_DEFAULTS, moderationMode: "first", bannedWords: "" };
  for (const row of rows) {
    if (row.key === "bannedWords") {
      settings.bannedWords = row.value;
      continue;
    }
    if (row.key === "moderationMode") {
      const mode = MODERATION_MODES.find((m) => m === row.value);
      if (mode) settings.moderationMode = mode;
      continue;
    }
    const value = Number(row.value);
    if (Object.hasOwn(SETTING_DEFAULTS, row.key) && Number.isFinite(value))
      settings[row.key as keyof NumericSettings] = value;
  }
  return settings;
}

const upsertSetting = (key: string, value: number | string) =>
  db.setting.upsert({ where: { key }, create: { key, value: String(value) }, update: { value: String(value) } });

export async function setSetting(key: SettingKey, value: number | string) {
  await upsertSetting(key, value);
}

const whole = (min: number, max: number, what: string) =>
  z
    .number({
      required_error: `${what} must be a whole number.`,
      invalid_type_error: `${what} must be a whole number.`,
    })
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be at least ${min}.`)
    .max(max, `${what} must be at most ${max}.`);

/** The admin's settings form: every setting, with its bounds and the message for a value outside them. */
export const SettingsForm = z
  .object({
    moderationMode: z.enum(MODERATION_MODES, {
      required_error: "Choose one of the moderation modes.",
      invalid_type_error: "Choose one of the moderation modes.",
      message: "Choose one of the moderation modes.",
    }),
    softLimit: whole(100, 10_000, "The soft limit"),
    hardLimit: whole(500, 50_000, "The hard limit"),
    maxLinks: whole(0, 50, "Links before flagging"),
    rateLimit: whole(1, 1000, "Posts per window"),
    rateWindowMinutes: whole(1, 1440, "The window"),
    minSecondsToPost: whole(0, 120, "The minimum seconds"),
    editMinutes: whole(0, 1440, "The edit window"),
    guardRunWords: whole(8, 200, "Shared words in a row"),
    guardSharedPercent: whole(1, 100, "The shared share"),
    reportsToHide: whole(0, 100, "Reports that hide a post"),
    bannedWords: z.string().max(20_000, "The banned words list is too long.").default(""),
  })
  .refine((s) => s.softLimit <= s.hardLimit, {
    path: ["softLimit"],
    message: "The soft limit must not be above the hard limit.",
  });

/** Saves every setting at once: all of them or, if anything fails, none. */
export async function saveSettings(settings: Settings) {
  await db.$transaction(Object.entries(settings).map(([key, value]) => upsertSetting(key, value)));
}

/** The banned words and phrases found in a text (whole words, any case). */
export function bannedWordsIn(text: string, bannedWords: string): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return bannedWords
    .split(/[\n,]+/)
    .map((w) =>
      w
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim(),
    )
    .filter((w) => w && lower.includes(` ${w} `));
}
