// Dates are formatted once, on the server, in the site's time zone, so the
// page reads the same for every reader and hydrates without a mismatch.
const TIME_ZONE = process.env.SITE_TIMEZONE || "UTC";

const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: TIME_ZONE,
});
const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: TIME_ZONE });

export type ShownDate = { iso: string; text: string };

export function showDateTime(date: Date): ShownDate {
  return { iso: date.toISOString(), text: dateTime.format(date) };
}

export function showDate(date: Date): ShownDate {
  return { iso: date.toISOString(), text: dateOnly.format(date) };
}
