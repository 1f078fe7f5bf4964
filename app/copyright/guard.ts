// The copyright guard's arithmetic: text normalised to words (case,
// punctuation, curly quotes and spacing do not matter), runs of 8 words
// hashed as shingles, and a post's overlap with an index of protected texts
// measured as shared runs. Pure, so it is fast to test and to benchmark.

export const SHINGLE_WORDS = 8;

export type Words = { words: string[]; spans: [number, number][] };

/** Words of a text, lower-cased and stripped of punctuation, with where each stands in the original. */
export function normalisedWords(text: string): Words {
  const words: string[] = [];
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’‘-]*/gu)) {
    const word = match[0]
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’‘-]/g, "");
    if (!word) continue;
    words.push(word);
    spans.push([match.index!, match.index! + match[0].length]);
  }
  return { words, spans };
}

/** cyrb53: a fast 53-bit string hash; collisions among a few million shingles are negligible. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function shingleHashes(words: string[], size = SHINGLE_WORDS): number[] {
  const hashes: number[] = [];
  for (let i = 0; i + size <= words.length; i++) hashes.push(hash53(words.slice(i, i + size).join(" ")));
  return hashes;
}

/** Shingle hash → the protected source it first appears in. */
export type ShingleIndex = Map<number, number>;

export function indexSource(index: ShingleIndex, sourceId: number, text: string) {
  for (const h of shingleHashes(normalisedWords(text).words)) if (!index.has(h)) index.set(h, sourceId);
}

export type Overlap = {
  /** Passages of the post (character offsets) that also stand in a protected source. */
  passages: { start: number; end: number; words: number; sourceId: number }[];
  longestRun: number;
  sharedRatio: number;
  wordCount: number;
  sourceIds: number[];
};

export function findOverlap(text: string, index: ShingleIndex): Overlap {
  const { words, spans } = normalisedWords(text);
  const covered = new Array<number | null>(words.length).fill(null);
  shingleHashes(words).forEach((h, i) => {
    const source = index.get(h);
    if (source === undefined) return;
    for (let k = i; k < i + SHINGLE_WORDS; k++) covered[k] = source;
  });
  const passages: Overlap["passages"] = [];
  let sharedWords = 0;
  for (let i = 0; i < words.length;) {
    if (covered[i] === null) {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && covered[j] !== null) j++;
    passages.push({ start: spans[i][0], end: spans[j - 1][1], words: j - i, sourceId: covered[i]! });
    sharedWords += j - i;
    i = j;
  }
  return {
    passages,
    longestRun: passages.reduce((max, p) => Math.max(max, p.words), 0),
    sharedRatio: words.length ? sharedWords / words.length : 0,
    wordCount: words.length,
    sourceIds: [...new Set(passages.map((p) => p.sourceId))],
  };
}

export type GuardThresholds = { maxRunWords: number; maxSharedRatio: number };
export const DEFAULT_THRESHOLDS: GuardThresholds = { maxRunWords: 8, maxSharedRatio: 0.2 };

/** Whether an overlap crosses the line: any shared run of maxRunWords or more, or too large a share of the words. */
export function crossesLine(overlap: Overlap, thresholds: GuardThresholds = DEFAULT_THRESHOLDS) {
  return overlap.longestRun >= thresholds.maxRunWords || overlap.sharedRatio > thresholds.maxSharedRatio;
}
