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
} as const;

export type Settings = { -readonly [K in keyof typeof SETTING_DEFAULTS]: number };

export async function getSettings(): Promise<Settings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(SETTING_DEFAULTS) } } });
  const settings: Settings = { ...SETTING_DEFAULTS };
  for (const row of rows) {
    const value = Number(row.value);
    if (row.key in settings && Number.isFinite(value)) settings[row.key as keyof Settings] = value;
  }
  return settings;
}

export async function setSetting(key: keyof Settings, value: number) {
  await db.setting.upsert({ where: { key }, create: { key, value: String(value) }, update: { value: String(value) } });
}
