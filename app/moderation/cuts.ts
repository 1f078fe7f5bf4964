// Edits for length: a moderator removes passages, and each removed run of
// words becomes the marker [EDITED FOR LENGTH]. Only removal counts as an
// edit for length; a change of wording is an ordinary edit, with a reason.
import { EDIT_MARKER } from "~/posts/markers";

type Word = { text: string; start: number; end: number };

function words(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** Which of the original's words the edited text keeps, matching in order; null if it adds or reorders words. */
function keptWords(original: Word[], edited: Word[]): boolean[] | null {
  const kept = new Array<boolean>(original.length).fill(false);
  let j = 0;
  for (let i = 0; i < original.length && j < edited.length; i++) {
    if (original[i].text === edited[j].text) {
      kept[i] = true;
      j++;
    }
  }
  return j === edited.length ? kept : null;
}

export type CutResult = { ok: true; text: string; cuts: number } | { ok: false; message: string };

export function applyCuts(original: string, edited: string): CutResult {
  const from = words(original);
  const kept = keptWords(from, words(edited.replaceAll(EDIT_MARKER, " ")));
  if (!kept) {
    return {
      ok: false,
      message: "An edit for length can only remove text. To change the wording, use “Edit for another reason”.",
    };
  }
  if (kept.every(Boolean)) return { ok: false, message: "Nothing was cut. Remove the passages to trim, then save." };
  if (!kept.some(Boolean))
    return { ok: false, message: "Everything was cut. To hide the whole post, reject it instead." };
  let text = "";
  let cuts = 0;
  let i = 0;
  while (i < from.length) {
    const run = kept[i];
    let j = i;
    while (j < from.length && kept[j] === run) j++;
    // Whitespace before this run, as in the original (a paragraph break stays one).
    const gap = i === 0 ? "" : /\n\s*\n/.test(original.slice(from[i - 1].end, from[i].start)) ? "\n\n" : " ";
    if (run) {
      text += gap + original.slice(from[i].start, from[j - 1].end);
    } else if (!text.endsWith(EDIT_MARKER)) {
      text += gap + EDIT_MARKER;
      cuts++;
    }
    i = j;
  }
  return { ok: true, text: text.trim(), cuts };
}

export type DiffPart = { text: string; removed: boolean };

/** The original, marked where the current text no longer has it: what moderators see of an edit. */
export function removedParts(original: string, current: string): DiffPart[] {
  const from = words(original);
  const kept = keptWords(from, words(current.replaceAll(EDIT_MARKER, " ")));
  if (!kept) return [{ text: original, removed: false }];
  const parts: DiffPart[] = [];
  from.forEach((word, i) => {
    const text = original.slice(i === 0 ? 0 : from[i - 1].end, word.end);
    const last = parts[parts.length - 1];
    if (last && last.removed === !kept[i]) last.text += text;
    else parts.push({ text, removed: !kept[i] });
  });
  return parts;
}
