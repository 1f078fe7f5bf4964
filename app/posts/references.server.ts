// References inside a post: `#12` points to question 12 of the article,
// labelled with its asker's name; `§how-long` to a section, labelled with its
// title. They are turned into Markdown links before rendering, and a
// reference to a thread or section that does not exist refuses the post.
import { db } from "~/db.server";
import { VISIBLE_STATUS } from "~/model/status";
import { questionPath } from "~/model/paths";

const THREAD = /(^|[\s(>])#(\d{1,7})\b/g;
const SECTION = /§([a-z0-9][a-z0-9-]*)/g;

export type ResolvedReferences = { ok: true; markdown: string } | { ok: false; message: string };

/** Code spans are left alone: `#1` inside backticks is just text. */
function outsideCode(text: string, replace: (part: string) => string) {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : replace(part)))
    .join("");
}

export async function resolveReferences(
  article: { id: string; slug: string },
  text: string,
): Promise<ResolvedReferences> {
  const prose = text.split(/`[^`]*`/).join(" ");
  const numbers = [...new Set([...prose.matchAll(THREAD)].map((m) => Number(m[2])))];
  const anchors = [...new Set([...prose.matchAll(SECTION)].map((m) => m[1]))];
  if (numbers.length === 0 && anchors.length === 0) return { ok: true, markdown: text };
  const [threads, sections] = await Promise.all([
    numbers.length
      ? db.post.findMany({
          where: { articleId: article.id, number: { in: numbers }, status: VISIBLE_STATUS },
          select: { id: true, number: true, guestName: true, user: { select: { displayName: true } } },
        })
      : [],
    anchors.length
      ? db.section.findMany({
          where: { articleId: article.id, anchor: { in: anchors }, removedAt: null },
          select: { anchor: true, title: true },
        })
      : [],
  ]);
  const byNumber = new Map(threads.map((t) => [t.number!, t]));
  const byAnchor = new Map(sections.map((s) => [s.anchor, s]));
  // Every bad reference at once, so that one round of fixes is enough.
  const missingThreads = numbers.filter((n) => !byNumber.has(n));
  const missingSections = anchors.filter((a) => !byAnchor.has(a));
  if (missingThreads.length || missingSections.length) {
    const list = (items: string[]) =>
      items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
    const problems = [
      missingThreads.length
        ? `There is no published question ${list(missingThreads.map((n) => `#${n}`))} on this article. Check the number, or write it without the # sign.`
        : null,
      missingSections.length
        ? `This article has no section ${list(missingSections.map((a) => `§${a}`))}. Use “Link a section” to pick one.`
        : null,
    ].filter(Boolean);
    return { ok: false, message: problems.join(" ") };
  }
  const escape = (s: string) => s.replace(/[[\]\\]/g, "\\$&");
  const markdown = outsideCode(text, (part) =>
    part
      .replace(THREAD, (_, before: string, n: string) => {
        const thread = byNumber.get(Number(n))!;
        const asker = thread.user?.displayName ?? thread.guestName ?? "a reader";
        return `${before}[${escape(`${asker}’s question (#${n})`)}](${questionPath(article.slug, Number(n))})`;
      })
      .replace(
        SECTION,
        (_, anchor: string) => `[${escape(byAnchor.get(anchor)!.title)}](/articles/${article.slug}#${anchor})`,
      ),
  );
  return { ok: true, markdown };
}
