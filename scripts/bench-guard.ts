// npm run bench:guard — the copyright guard's cost: a 2,000-word reply checked
// against 5 MB of protected text. Prints the index build time once and the
// median and p95 of the check over repeated runs. A benchmark, not a test.
import { type ShingleIndex, crossesLine, findOverlap, indexSource } from "~/copyright/guard";

const VOCABULARY = Array.from({ length: 6000 }, (_, i) => {
  const syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pi", "nem", "zo", "ul"];
  let word = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
  return word;
});
// xorshift32: deterministic, and exact in 32-bit integer arithmetic.
let seed = 2463534242;
const random = (n: number) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const words = (count: number) => Array.from({ length: count }, () => VOCABULARY[random(VOCABULARY.length)]).join(" ");

// Five sources of 1 MB each.
const sources: string[] = [];
for (let s = 0; s < 5; s++) {
  let text = "";
  while (text.length < 1024 * 1024 - 200) text += `${words(12)}. `;
  sources.push(text);
}
const started = performance.now();
const index: ShingleIndex = new Map();
sources.forEach((text, i) => indexSource(index, i + 1, text));
const buildMs = performance.now() - started;

// A 2,000-word reply with two passages lifted from the sources.
const lifted = sources[2].split(" ").slice(5000, 5030).join(" ");
const reply = `${words(900)} ${lifted} ${words(1040)} ${sources[4].split(" ").slice(900, 930).join(" ")}`;

const times: number[] = [];
let blocked = false;
for (let i = 0; i < 60; i++) {
  const t = performance.now();
  blocked = crossesLine(findOverlap(reply, index));
  if (i >= 10) times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const total = sources.reduce((sum, s) => sum + s.length, 0);
console.log(
  `Index of ${(total / 1024 / 1024).toFixed(1)} MB (${index.size.toLocaleString("en-US")} shingles) built in ${buildMs.toFixed(0)} ms, once per change of the sources.`,
);
console.log(
  `Checking a ${reply.split(" ").length}-word reply: median ${times[Math.floor(times.length / 2)].toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms (blocked: ${blocked}).`,
);
