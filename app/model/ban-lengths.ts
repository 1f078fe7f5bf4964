// How long a moderator's ban lasts: chosen when banning, shown on the list of bans.
export const BAN_LENGTHS = ["day", "week", "month", "permanent"] as const;
export type BanLength = (typeof BAN_LENGTHS)[number];

export const BAN_LENGTH_LABELS: Record<BanLength, string> = {
  day: "A day",
  week: "A week",
  month: "A month",
  permanent: "For good",
};

const DAYS: Record<BanLength, number | null> = { day: 1, week: 7, month: 30, permanent: null };

/** When a ban of this length, made at `from`, stops holding; null: never. */
export function banEnds(length: BanLength, from: Date): Date | null {
  const days = DAYS[length];
  return days === null ? null : new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
}

/** What a ban's reason may hold. */
export const BAN_REASON_MAX = 500;
