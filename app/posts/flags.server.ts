// The flags a post's text earns by itself, for moderators: set at intake and
// worked out again whenever a moderator edits the text.
import { type Settings, bannedWordsIn } from "~/settings/settings.server";

/** The flags a text earns by itself, at intake and again after a moderator's edit. */
export const CONTENT_FLAGS = ["long", "links", "banned-word"] as const;
export function contentFlags(body: string, settings: Settings): string[] {
  const flags: string[] = [];
  if (body.length > settings.softLimit) flags.push("long");
  if (countLinks(body) > settings.maxLinks) flags.push("links");
  if (bannedWordsIn(body, settings.bannedWords).length > 0) flags.push("banned-word");
  return flags;
}

/** A post's flags once its text changed: the others stay, the text's own are worked out again. */
export function flagsAfterEdit(flags: string, body: string, settings: Settings): string[] {
  const kept = flags.split(",").filter((f) => f && !(CONTENT_FLAGS as readonly string[]).includes(f));
  return [...new Set([...kept, ...contentFlags(body, settings)])];
}

export function countLinks(markdown: string) {
  return (markdown.match(/\]\(|https?:\/\/|www\./gi) ?? []).length;
}

/** A post's flags (comma-separated) with `flag` set or cleared. */
export function withFlag(flags: string, flag: string, on: boolean) {
  const set = new Set(flags.split(",").filter(Boolean));
  if (on) set.add(flag);
  else set.delete(flag);
  return [...set].join(",");
}
