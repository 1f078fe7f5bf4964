// The demo author's reply templates, and a protected source: an invented
// stand-in for the paid programme the demo article mentions ("The Quiet
// Return"), generated from fragments so it runs to a few thousand words.

export const DEMO_TEMPLATES = [
  {
    name: "Can’t share the course",
    category: "copyright",
    body:
      "Thanks for asking, {{asker}}. I can’t go into the details of that course here: its lessons are the author’s paid material, " +
      "and repeating them would be a copyright problem. What I can do is point you to the part of {{article}} that covers the " +
      "general idea, {{section}}, and answer anything about your own situation.",
  },
  {
    name: "Starting the count again",
    category: "start over",
    body:
      "Nothing is ruined, {{asker}}. Count from tomorrow as day one, and keep any reply to a practical message to a line or two. " +
      "The section {{section}} has the details.",
  },
  {
    name: "After day thirty",
    category: "next step",
    body:
      "When you reach day thirty, {{asker}}, keep the first message short and light, with no questions about the relationship. " +
      "I wrote more about it in §after-the-silence.",
  },
  {
    name: "Answered nearby",
    category: "see also",
    body: "{{asker}}, I answered something very close to this in {{thread:2}}; have a look there first and tell me if your case differs.",
  },
];

const OPENINGS = [
  "In the quiet return method the first week is called the settling week",
  "Lesson four asks the student to keep a lantern journal every single evening",
  "The programme insists that the student never names the former partner aloud",
  "During the harbour phase the student writes three lines about the tide each morning",
  "The ninth module introduces the idea of the unopened letter kept in a cedar box",
  "Every Sunday of the method begins with a walk of exactly forty minutes without a phone",
];
const MIDDLES = [
  "because the course teaches that routine is the shape a healing heart grows into",
  "and the workbook supplies a grid of twelve squares to colour as each small promise is kept",
  "while the audio lesson counts slowly backwards from ninety in a low and patient voice",
  "so that by the seventeenth day the student can recite the four anchoring sentences by heart",
  "which the author calls the lantern rule and repeats at the close of every chapter",
  "after which the student marks the calendar with a single green dot and nothing else",
];
const CLOSINGS = [
  "The chapter ends with a private exercise that the course asks students never to share.",
  "Students who skip this step are told to begin the whole module again from its first page.",
  "The author promises that the harbour phase will feel lighter once the grid is complete.",
  "A short recorded meditation follows, in which the listener imagines a door closing softly.",
  "The workbook then leaves a blank page headed with the words what I did not say.",
  "Only after this may the student move on to the message templates of the final module.",
];

/** About 3,000 words, the same on every machine. */
export function demoProtectedText(): string {
  const paragraphs: string[] = [];
  let seed = 11;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let p = 0; p < 72; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 2; s++) {
      sentences.push(`${OPENINGS[next(OPENINGS.length)]} ${MIDDLES[next(MIDDLES.length)]}.`);
    }
    sentences.push(CLOSINGS[next(CLOSINGS.length)]);
    paragraphs.push(`Part ${p + 1}. ${sentences.join(" ")}`);
  }
  return paragraphs.join("\n\n");
}
