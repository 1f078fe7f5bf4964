// Site settings: defaults in code, overrides in the Setting table, so every
// app instance on one database agrees. Read once per request at most.
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
  const keys = [...Object.keys(SETTING_DEFAULTS), "moderationMode", "bannedWords"];
  const rows = await db.setting.findMany({ where: { key: { in: keys } } });
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
    if (row.key in SETTING_DEFAULTS && Number.isFinite(value)) settings[row.key as keyof NumericSettings] = value;
  }
  return settings;
}

export async function setSetting(key: SettingKey, value: number | string) {
  await db.setting.upsert({ where: { key }, create: { key, value: String(value) }, update: { value: String(value) } });
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
