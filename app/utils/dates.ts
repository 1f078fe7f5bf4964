// Dates are formatted once, on the server, in the site's time zone, so the
// page reads the same for every reader and hydrates without a mismatch. The
// formatters are made on first use, after the server has checked SITE_TIMEZONE.
import { config } from "~/config.server";

let formats: { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat } | null = null;

function formatters() {
  if (!formats) {
    const timeZone = config().SITE_TIMEZONE;
    formats = {
      dateTime: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone }),
      dateOnly: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone }),
    };
  }
  return formats;
}

export type ShownDate = { iso: string; text: string };

export function showDateTime(date: Date): ShownDate {
  return { iso: date.toISOString(), text: formatters().dateTime.format(date) };
}

export function showDate(date: Date): ShownDate {
  return { iso: date.toISOString(), text: formatters().dateOnly.format(date) };
}
