// Reads a WordPress export (WXR 1.0 to 1.2): the site's authors, then each
// item (post, page, …) with its comments, one item at a time.
import { ImportFileError, type XmlElement, childText, childrenNamed, readXml } from "~/import/xml-stream.server";

export type WpAuthor = { id: string; login: string; email: string | null; displayName: string };

export type WpComment = {
  id: string;
  author: string;
  email: string | null;
  address: string | null;
  date: Date | null;
  content: string;
  approved: string;
  type: string;
  parent: string | null;
  userId: string | null;
};

export type WpItem = {
  postId: string;
  title: string;
  link: string;
  slug: string;
  type: string;
  status: string;
  date: Date | null;
  creator: string;
  content: string;
  excerpt: string;
  comments: WpComment[];
};

/** WordPress writes "2019-05-04 10:20:30" (GMT in the *_gmt fields); an unset date is all zeros. */
export function wordpressDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (match) {
    if (match[1] === "0000") return null;
    const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const date = text.trim() ? new Date(text) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

const orNull = (text: string) => text || null;

function readComment(element: XmlElement): WpComment {
  const text = (name: string) => childText(element, `wp:${name}`);
  return {
    id: text("comment_id"),
    author: text("comment_author"),
    email: orNull(text("comment_author_email").toLowerCase()),
    address: orNull(text("comment_author_IP")),
    date: wordpressDate(text("comment_date_gmt")) ?? wordpressDate(text("comment_date")),
    // Not trimmed by childText's rule alone: a comment's own line breaks are its paragraphs.
    content: (element.children.find((c) => c.name === "wp:comment_content")?.text ?? "").trim(),
    approved: text("comment_approved") || "1",
    type: text("comment_type").toLowerCase(),
    parent: text("comment_parent") && text("comment_parent") !== "0" ? text("comment_parent") : null,
    userId: text("comment_user_id") && text("comment_user_id") !== "0" ? text("comment_user_id") : null,
  };
}

function readItem(element: XmlElement): WpItem {
  return {
    postId: childText(element, "wp:post_id"),
    title: childText(element, "title"),
    link: childText(element, "link"),
    slug: childText(element, "wp:post_name"),
    type: childText(element, "wp:post_type") || "post",
    status: childText(element, "wp:status") || "publish",
    date:
      wordpressDate(childText(element, "wp:post_date_gmt")) ??
      wordpressDate(childText(element, "pubDate")) ??
      wordpressDate(childText(element, "wp:post_date")),
    creator: childText(element, "dc:creator"),
    content: childText(element, "content:encoded"),
    excerpt: childText(element, "excerpt:encoded"),
    comments: childrenNamed(element, "wp:comment").map(readComment),
  };
}

export async function readWordPress(
  file: string,
  onItem: (item: WpItem, authors: Map<string, WpAuthor>) => Promise<void>,
): Promise<void> {
  const authors = new Map<string, WpAuthor>();
  await readXml(file, {
    onRoot(name, namespaces) {
      const wxr = namespaces.some((uri) => /^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/.test(uri));
      if (name !== "rss" || !wxr) {
        const hint =
          name === "disqus" ? " It looks like a Disqus export: npm run import -- disqus <file> --map <csv>." : "";
        throw new ImportFileError(
          file,
          `is not a WordPress export (WXR): its root element is <${name}>${wxr ? "" : " without WordPress's export namespace"}.${hint}`,
        );
      }
    },
    isRecord: (path) => path.length === 3 && path[1] === "channel" && (path[2] === "item" || path[2] === "wp:author"),
    async onRecord(record) {
      if (record.name === "wp:author") {
        const login = childText(record, "wp:author_login");
        authors.set(login, {
          id: childText(record, "wp:author_id"),
          login,
          email: orNull(childText(record, "wp:author_email").toLowerCase()),
          displayName: childText(record, "wp:author_display_name") || login,
        });
        return;
      }
      await onItem(readItem(record), authors);
    },
  });
}
