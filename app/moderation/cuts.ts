// Edits for length: a moderator removes passages, and each removed run of
// words becomes the marker [EDITED FOR LENGTH]. Any edit that only removes
// text is one (a cut may end at a full stop, and spacing may change); a change
// of wording is an ordinary edit, with a reason.
import { diffWords } from "diff";
import { EDIT_MARKER } from "~/model/markers";

export type CutResult = { ok: true; text: string; cuts: number } | { ok: false; message: string };

/**
 * The original against the edited text (markers read as spaces), word by word
 * with punctuation as words of its own (jsdiff's diffWords), so that a cut
 * ending at a full stop is a cut, and a change of spacing alone is none.
 */
function compare(original: string, edited: string) {
  return diffWords(original, edited.replaceAll(EDIT_MARKER, " "));
}

const hasText = (value: string) => /\S/.test(value);

export function applyCuts(original: string, edited: string): CutResult {
  const parts = compare(original, edited);
  if (parts.some((part) => part.added && hasText(part.value))) {
    return {
      ok: false,
      message: "An edit for length can only remove text. To change the wording, use “Edit for another reason”.",
    };
  }
  const removed = parts.filter((part) => part.removed && hasText(part.value));
  if (removed.length === 0) return { ok: false, message: "Nothing was cut. Remove the passages to trim, then save." };
  if (!parts.some((part) => !part.added && !part.removed && hasText(part.value)))
    return { ok: false, message: "Everything was cut. To hide the whole post, reject it instead." };
  let text = "";
  let cuts = 0;
  for (const part of parts) {
    if (part.added) continue;
    if (!part.removed || !hasText(part.value)) {
      text += part.value;
      continue;
    }
    // The cut keeps the spacing around it (a paragraph break stays one); two cuts in a row are one marker.
    const before = /^\s*/.exec(part.value)![0];
    const after = /\s*$/.exec(part.value)![0];
    if (text.trimEnd().endsWith(EDIT_MARKER)) continue;
    const gap = before || (text === "" || /\s$/.test(text) ? "" : " ");
    text += gap + EDIT_MARKER + after;
    cuts++;
  }
  return { ok: true, text: text.trim(), cuts };
}

export type DiffPart = { text: string; removed: boolean };

/** The original, marked where the current text no longer has it: what moderators see of an edit. */
export function removedParts(original: string, current: string): DiffPart[] {
  const parts = compare(original, current);
  if (parts.some((part) => part.added && hasText(part.value))) return [{ text: original, removed: false }];
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.added) continue;
    const removed = Boolean(part.removed) && hasText(part.value);
    const last = out[out.length - 1];
    if (last && last.removed === removed) last.text += part.value;
    else out.push({ text: part.value, removed });
  }
  return out;
}
