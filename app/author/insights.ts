// The author's picture of an article, as plain numbers (the charts and their
// tables draw them; app/author/insights.server.ts reads the posts): where
// readers ask most along the article's outline, how long a first answer
// takes week by week, and how long the open questions have waited.

export type QuestionFacts = {
  sectionId: string | null;
  answered: boolean;
  meToo: number;
  publishedAt: Date;
  /** When the article's author first answered in the thread; null if not yet. */
  firstAnswerAt: Date | null;
};

export type SectionBar = {
  /** Null: questions about the whole article (or a section since removed). */
  anchor: string | null;
  title: string;
  open: number;
  answered: number;
  /** The most readers who have one of its open questions too. */
  mostWanted: number;
};

/** Questions per section, in the article's order, then the whole article's. */
export function questionsBySection(
  sections: { id: string; anchor: string; title: string }[],
  questions: QuestionFacts[],
): SectionBar[] {
  const bars = new Map<string | null, SectionBar>(
    sections.map((s) => [s.id, { anchor: s.anchor, title: s.title, open: 0, answered: 0, mostWanted: 0 }]),
  );
  const whole: SectionBar = { anchor: null, title: "The whole article", open: 0, answered: 0, mostWanted: 0 };
  for (const q of questions) {
    const bar = (q.sectionId && bars.get(q.sectionId)) || whole;
    if (q.answered) bar.answered++;
    else {
      bar.open++;
      bar.mostWanted = Math.max(bar.mostWanted, q.meToo);
    }
  }
  return [...bars.values(), whole];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The Monday (UTC) that starts the week of `date`. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

export type WeekPoint = { week: Date; medianHours: number | null; answered: number; asked: number };

/**
 * Week by week, from the first question's week to the latest question's (at
 * most the latest `maxWeeks`; never past `now`), the median hours from a
 * question to the author's first answer among that week's answered ones, and
 * how many were asked.
 */
export function firstAnswerByWeek(questions: QuestionFacts[], now: Date, maxWeeks = 26): WeekPoint[] {
  if (questions.length === 0) return [];
  const latest = Math.max(...questions.map((q) => q.publishedAt.getTime()));
  const last = weekStart(new Date(Math.min(latest, now.getTime()))).getTime();
  const first = Math.max(
    Math.min(...questions.map((q) => weekStart(q.publishedAt).getTime())),
    last - (maxWeeks - 1) * WEEK_MS,
  );
  const weeks: WeekPoint[] = [];
  for (let at = first; at <= last; at += WEEK_MS) {
    const asked = questions.filter((q) => weekStart(q.publishedAt).getTime() === at);
    const hours = asked
      .filter((q) => q.firstAnswerAt)
      .map((q) => Math.max(0, (q.firstAnswerAt!.getTime() - q.publishedAt.getTime()) / 3_600_000));
    weeks.push({ week: new Date(at), medianHours: median(hours), answered: hours.length, asked: asked.length });
  }
  return weeks;
}

export const WAIT_BUCKETS = [
  { label: "Under a day", upToDays: 1 },
  { label: "1 to 7 days", upToDays: 7 },
  { label: "1 to 4 weeks", upToDays: 28 },
  { label: "1 to 3 months", upToDays: 91 },
  { label: "Over 3 months", upToDays: Infinity },
] as const;

/** Open questions by how long they have waited, in WAIT_BUCKETS. */
export function openByWait(questions: QuestionFacts[], now: Date): { label: string; count: number }[] {
  const counts = WAIT_BUCKETS.map((b) => ({ label: b.label, count: 0 }));
  for (const q of questions) {
    if (q.answered) continue;
    const days = (now.getTime() - q.publishedAt.getTime()) / DAY_MS;
    counts[WAIT_BUCKETS.findIndex((b) => days < b.upToDays)].count++;
  }
  return counts;
}
