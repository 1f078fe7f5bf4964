// Suggests the section a question is about from its words: BM25 over the
// sections' text, with a section's title counted three times. Pure and small;
// an article has a handful of sections, so nothing is indexed ahead of time.

const STOPWORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
    "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
    "these they this those through to too under until up very was we were what when where which while who whom why will " +
    "with would you your yours yourself yourselves im ive dont cant its thats hes shes ill id wont also get got really " +
    "still even much many one two like know think want"
  ).split(" "),
);

/** Lower-case word stems: a light suffix strip so "texting", "texts" and "text" meet. */
export function terms(text: string): string[] {
  return (text.toLowerCase().normalize("NFKD").replace(/['’]/g, "").match(/[a-z0-9]+/g) ?? [])
    .filter((word) => word.length > 2 && !STOPWORDS.has(word))
    .map(stem);
}

function stem(word: string): string {
  for (const suffix of ["ing", "ed", "es", "s", "ly"]) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

export type SectionText = { id: string; title: string; text: string };

const K1 = 1.2;
const B = 0.75;
/** Below this score the words say too little to choose; the question stays on the whole article. */
const MIN_SCORE = 1.5;

export function suggestSection(question: string, sections: SectionText[]): { id: string; score: number } | null {
  const queryTerms = [...new Set(terms(question))];
  if (queryTerms.length === 0 || sections.length === 0) return null;
  const docs = sections.map((section) => {
    const words = [...terms(section.title), ...terms(section.title), ...terms(section.title), ...terms(section.text)];
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    return { id: section.id, length: words.length, counts };
  });
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / docs.length || 1;
  let best: { id: string; score: number } | null = null;
  for (const doc of docs) {
    let score = 0;
    for (const term of queryTerms) {
      const frequency = doc.counts.get(term) ?? 0;
      if (!frequency) continue;
      const containing = docs.filter((d) => d.counts.has(term)).length;
      const idf = Math.log(1 + (docs.length - containing + 0.5) / (containing + 0.5));
      score += (idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * doc.length) / averageLength));
    }
    if (!best || score > best.score) best = { id: doc.id, score };
  }
  return best && best.score >= MIN_SCORE ? best : null;
}
