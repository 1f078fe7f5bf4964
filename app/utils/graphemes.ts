// Where text may be cut: between two characters as a reader sees them (graphemes), never inside a surrogate pair
// or a cluster, which a page would show as U+FFFD and hydration as a mismatch. Used by every excerpt.
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** The start of the grapheme (a character as a reader sees it) that holds `index`: where a cut may go. */
export function graphemeStart(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  // Segmenting a window before the index is enough: no real grapheme is longer than it; a longer one is cut at a
  // code point, never between the halves of a surrogate pair.
  const from = Math.max(0, index - 256);
  let at = from;
  // The window holds the whole character at the index (both halves of a surrogate pair): whether a grapheme
  // starts there depends on it, and half of it would read as a break.
  for (const { index: offset } of graphemes.segment(text.slice(from, index + 2))) {
    if (from + offset > index) break;
    at = from + offset;
  }
  if (at === from && from > 0) {
    at = index;
    const code = text.charCodeAt(at);
    if (code >= 0xdc00 && code <= 0xdfff) at--;
  }
  return at;
}

/** `text` cut to at most about `length` characters at a grapheme, with "…" when cut: a post's excerpt in a list. */
export function shortened(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, graphemeStart(text, length)).trimEnd()}…` : text;
}
