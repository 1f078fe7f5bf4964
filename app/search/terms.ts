// What a search or a question is made of, for the database's full-text
// engines (app/search/search.server.ts): its significant words. A query never
// reaches an engine's syntax as typed: only words made of letters and digits
// are kept, each one quoted, and the expression around them is built here.
// The same words, stemmed the way SQLite's FTS5 stems them (Porter), decide
// how alike two questions are and which words of a result are highlighted.
import { EDIT_MARKER } from "~/model/markers";
import { graphemeStart } from "~/utils/graphemes";
import { stem as porter2 } from "porter2";
import { stemmer } from "stemmer";

/** More words than this in a search add nothing but work; the first ones are kept. */
export const MAX_QUERY_TERMS = 12;
/** A question is compared by its most telling words, at most this many. */
export const MAX_SIMILARITY_TERMS = 16;
/** Characters of a query looked at; the rest is ignored (the search box allows this many). */
export const MAX_QUERY_LENGTH = 300;

/**
 * Words that say nothing about what a question is about: English function
 * words (PostgreSQL's `english` configuration drops the same ones), the
 * pieces FTS5 makes of contractions ("don't" → "don", "t"), and the words
 * every question under an article asks with.
 */
const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are aren as at be because been before being below between " +
    "both but by can cannot could couldn did didn do does doesn doing don down during each few for from further had " +
    "hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself " +
    "just ll me more most mustn my myself no nor not now of off on once only or other ought our ours ourselves out " +
    "over own re s same shan she should shouldn so some such t than that the their theirs them themselves then there " +
    "these they this those through to too under until up ve very was wasn we were weren what when where which while " +
    "who whom why will with won would wouldn y you your yours yourself yourselves d m o ma " +
    // The words of asking itself.
    "also really still even yet anything something everything get got go going know want think feel feels felt " +
    "thing things way much many one ok okay please thanks thank hi hello question ask asking wondering"
  ).split(" "),
);

/** Unicode words; an apostrophe splits a word, as FTS5's tokenizer splits it. */
const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return (
    text
      .slice(0, MAX_QUERY_LENGTH * 20)
      .normalize("NFKC")
      .toLowerCase()
      .match(WORD) ?? []
  ).filter((word) => word.length <= 40);
}

/** The words of `text` that say what it is about, in order, each once (by stem). */
export function significantWords(text: string, max = MAX_QUERY_TERMS): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOP_WORDS.has(word) || (/^\d+$/.test(word) && word.length < 3)) continue;
    const stem = stemOf(word);
    if (seen.has(stem)) continue;
    seen.add(stem);
    out.push(word);
    if (out.length === max) break;
  }
  return out;
}

/** The stem FTS5's `porter` tokenizer indexes a word under. */
export function stemOf(word: string): string {
  return stemmer(word.toLowerCase());
}

/**
 * The lexeme PostgreSQL's `english` configuration indexes a word under: it
 * stems by Snowball's English (Porter2) algorithm, not by Porter's first one
 * as FTS5 does ("days" is "day" to it, "dai" to FTS5). Its word statistics
 * are read by these.
 */
export function postgresLexemeOf(word: string): string {
  return porter2(word.toLowerCase());
}

/** The set of stems of a text's significant words (for highlighting them). */
export function stemSet(text: string, max = Infinity): Set<string> {
  return new Set(significantWords(text, max).map(stemOf));
}

/** Search words as an FTS5 expression: every word, each quoted. */
export function fts5AllOf(terms: string[]): string {
  return terms.map(fts5Quote).join(" AND ");
}

/**
 * Words as an FTS5 expression that matches a text sharing at least two of
 * them (one, when only one is given): a question that shares a single common
 * word with another is not like it.
 */
export function fts5TwoOf(terms: string[]): string {
  if (terms.length < 2) return terms.map(fts5Quote).join("");
  return pairs(terms)
    .map(([a, b]) => `(${fts5Quote(a)} AND ${fts5Quote(b)})`)
    .join(" OR ");
}

/** The same two expressions for PostgreSQL's `to_tsquery`. */
export function tsqueryAllOf(terms: string[]): string {
  return terms.map(tsQuote).join(" & ");
}

export function tsqueryTwoOf(terms: string[]): string {
  if (terms.length < 2) return terms.map(tsQuote).join("");
  return pairs(terms)
    .map(([a, b]) => `(${tsQuote(a)} & ${tsQuote(b)})`)
    .join(" | ");
}

function pairs(terms: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < terms.length; i++) for (let j = i + 1; j < terms.length; j++) out.push([terms[i], terms[j]]);
  return out;
}

// The words are letters and digits only; quoting still escapes, so that no change to `significantWords` can open the syntax.
const fts5Quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
const tsQuote = (term: string) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** A piece of an excerpt: plain text, or a word that matched the search (shown highlighted). */
export type Piece = { text: string; match: boolean };

/**
 * A short excerpt of `text` around the first words that match `stems`, cut at
 * word boundaries, in pieces marking the matching words. Plain text: the
 * page escapes it (no HTML is built here).
 */
export function excerpt(text: string, stems: Set<string>, maxChars = 240): Piece[] {
  const plain = text.replace(/\s+/g, " ").trim();
  const tokens = [...plain.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = tokens.filter((t) => stems.has(stemOf(t[0])));
  let start = 0;
  if (plain.length > maxChars && matches.length > 0) {
    const first = matches[0].index!;
    if (first > maxChars / 3) start = plain.lastIndexOf(" ", first - Math.floor(maxChars / 3)) + 1;
  }
  let end = Math.min(plain.length, start + maxChars);
  if (end < plain.length) {
    const space = plain.lastIndexOf(" ", end);
    // A text with no space to cut at (a run of emoji, a long word) is cut between two characters as a reader sees
    // them: never inside a surrogate pair, which the page would show as U+FFFD and hydration as a mismatch.
    end = space > start ? space : graphemeStart(plain, end);
  }
  const pieces: Piece[] = [];
  const push = (piece: Piece) => {
    if (!piece.text) return;
    const last = pieces[pieces.length - 1];
    if (last && last.match === piece.match && !piece.match) last.text += piece.text;
    else pieces.push(piece);
  };
  if (start > 0) push({ text: "… ", match: false });
  let at = start;
  for (const token of matches) {
    const index = token.index!;
    if (index < start || index + token[0].length > end) continue;
    push({ text: plain.slice(at, index), match: false });
    push({ text: token[0], match: true });
    at = index + token[0].length;
  }
  push({ text: plain.slice(at, end), match: false });
  if (end < plain.length) push({ text: " …", match: false });
  return pieces;
}

/**
 * A question's significant words (by stem), each with how much it belongs to
 * what is asked: ASKING for a word of a sentence that asks (one with a
 * question mark, one that says "my question is" or "I wonder", or one of the
 * last two), 1 for a word only of the story around them. A question of one or
 * two sentences is all asking.
 */
export type Asked = Map<string, number>;

/** How much more a word of the sentences that ask counts than a word of the story. */
export const ASKING = 5;
/** Words of a question compared at most (the story's first ones, and every word of its asking sentences). */
export const MAX_ASKED_TERMS = 120;

const ASKING_PHRASE =
  /\b(my question is|my question|i wonder|i'm wondering|i am wondering|should i|what should|what do i|how do i|how can i|is it|do i)\b/i;

/** A text's sentences: split after . ! ? … and at line breaks (plain text or Markdown alike). */
export function sentences(text: string): string[] {
  return text
    .slice(0, MAX_QUERY_LENGTH * 20)
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/**
 * Words readers write for the same thing, compared as one: the everyday and
 * the formal word, British and American spelling. (Only for comparing
 * questions: a search finds the words as written.)
 */
const SAME_AS: Record<string, string> = {
  mum: "mother",
  mom: "mother",
  mam: "mother",
  dad: "father",
  kid: "child",
  kids: "child",
  children: "child",
  bf: "boyfriend",
  gf: "girlfriend",
  uni: "university",
  college: "university",
  flat: "apartment",
  apartments: "apartment",
  flats: "apartment",
  hubby: "husband",
  texts: "text",
  texting: "text",
  texted: "text",
  msg: "message",
  msgs: "message",
  bday: "birthday",
  pics: "photo",
  pictures: "photo",
  picture: "photo",
  photos: "photo",
  pic: "photo",
  cos: "because",
  cheat: "cheated",
  wife: "spouse",
  husband: "spouse",
};

/** Endings that make a word of another kind from the same word (friend, friendship; point, pointless). */
const DERIVED = /(ship|less|ful|ness)$/;

/** The stem two questions are compared by: `stemOf`, after folding words that mean the same. */
export function foldedStem(word: string): string {
  const lower = word.toLowerCase();
  const stem = stemOf(SAME_AS[lower] ?? lower);
  const root = stem.replace(DERIVED, "");
  return root.length >= 4 && root !== stem ? root : stem;
}

/** A question's significant words, each once (by stem) with how much it belongs to what is asked. */
export function askedWords(text: string, max = MAX_ASKED_TERMS): { word: string; stem: string; asking: number }[] {
  // A moderator's marker is not what the writer asked.
  const all = sentences(text.replaceAll(EDIT_MARKER, " "));
  const found = new Map<string, { word: string; stem: string; asking: number }>();
  all.forEach((sentence, i) => {
    const asking = all.length <= 2 || i >= all.length - 2 || sentence.includes("?") || ASKING_PHRASE.test(sentence);
    for (const word of significantWords(sentence, Infinity)) {
      const stem = foldedStem(word);
      const before = found.get(stem);
      if (before) before.asking = Math.max(before.asking, asking ? ASKING : 1);
      else if (found.size < max || asking) found.set(stem, { word, stem, asking: asking ? ASKING : 1 });
    }
  });
  return [...found.values()];
}

export function askedTerms(text: string, max = MAX_ASKED_TERMS): Asked {
  return new Map(askedWords(text, max).map(({ stem, asking }) => [stem, asking]));
}

/**
 * How much of what `a` asks `b` covers, from 0 to 1: the weight of the words
 * of `a` that `b` also has, over the weight of all of `a`'s words, each word
 * weighing how rare it is (`weight`) times how much it belongs to what `a`
 * asks.
 */
export function coverage(a: Asked, b: Asked, weight: (stem: string) => number): number {
  let covered = 0;
  let total = 0;
  for (const [stem, asking] of a) {
    const w = weight(stem) * asking;
    total += w;
    if (b.has(stem)) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * How alike two questions are, from 0 to 1, whichever is the longer: how much
 * of one's question the other covers (`coverage`), tempered by how much of
 * the other it is (a short question found whole inside a long story is that
 * story's question when the story asks it; a long story that merely mentions
 * two of a short question's words is not), in both directions. A short query
 * finds a long story, and a long new story finds a short old question.
 */
export function likeness(a: Asked, b: Asked, weight: (stem: string) => number): number {
  const ab = coverage(a, b, weight);
  const ba = coverage(b, a, weight);
  // Two short questions are alike when each is most of the other (the harmonic mean: Dice's measure).
  if (a.size <= SHORT_TERMS && b.size <= SHORT_TERMS) return ab + ba === 0 ? 0 : (2 * ab * ba) / (ab + ba);
  const mix = (most: number, rest: number) => Math.pow(most, 1 - TEMPER) * Math.pow(rest, TEMPER);
  return Math.max(mix(ab, ba), mix(ba, ab));
}

/** How much the smaller coverage counts in `likeness` (0: not at all; 0.5: the two alike). */
/**
 * How much the smaller coverage counts in `likeness` (0: not at all; 0.5: as
 * much as the larger). Chosen with ASKING, SUGGESTION_THRESHOLD and the
 * relative cutoff on both labelled sets (tests/search/).
 */
export const TEMPER = 0.4;
/** A question with at most this many significant words is short: two short questions are compared alike both ways. */
export const SHORT_TERMS = 16;
