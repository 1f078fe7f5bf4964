// The sections of a post that stays on its site (--keep-articles-on-site):
// its h2 headings that have ids, as the page will report them to embed.js,
// with the text under each, so that imported questions are filed under the
// section their words suggest, as they are for an article brought in whole.
import { convert } from "html-to-text";

const H2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2\s*>/gi;
const ID = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const toText = (html: string) =>
  convert(html, { wordwrap: false, selectors: [{ selector: "a", options: { ignoreHref: true } }] });

export function headingsOf(html: string): { id: string; title: string; text: string }[] {
  const found: { id: string; title: string; start: number; end: number }[] = [];
  for (const match of html.matchAll(H2)) {
    const id = ID.exec(match[1]);
    const value = id ? (id[1] ?? id[2] ?? id[3]) : null;
    if (value)
      found.push({ id: value, title: toText(match[2]), start: match.index, end: match.index + match[0].length });
  }
  return found.map((heading, i) => ({
    id: heading.id,
    title: heading.title,
    text: toText(html.slice(heading.end, found[i + 1]?.start ?? html.length)),
  }));
}
