// Export files made for the importer's edge cases: each says in its words what it tests.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type WxrComment = {
  id: number;
  parent?: number;
  author?: string;
  email?: string;
  ip?: string;
  date: string;
  content: string;
  approved?: string;
  type?: string;
  userId?: number;
};

export type WxrItem = {
  id: number;
  slug: string;
  title: string;
  content?: string;
  status?: string;
  type?: string;
  creator?: string;
  comments: WxrComment[];
};

const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

/** A WXR 1.2 file with the https namespace, as WordPress writes it today. */
export function wxr(
  items: WxrItem[],
  options: {
    namespace?: string;
    /** The blog's address: posts' links are under it. */
    site?: string;
    author?: { email: string; displayName: string };
  } = {},
) {
  const ns = options.namespace ?? "https://wordpress.org/export/1.2/";
  const site = options.site ?? "https://old.example/2019/05";
  const author = options.author ?? { email: "Mara@Old.Example", displayName: "Mara Lind" };
  const comment = (c: WxrComment) => `
      <wp:comment>
        <wp:comment_id>${c.id}</wp:comment_id>
        <wp:comment_author>${cdata(c.author ?? `Reader ${c.id}`)}</wp:comment_author>
        <wp:comment_author_email>${c.email ?? ""}</wp:comment_author_email>
        <wp:comment_author_IP>${c.ip ?? "203.0.113.9"}</wp:comment_author_IP>
        <wp:comment_date>${c.date}</wp:comment_date>
        <wp:comment_date_gmt>${c.date}</wp:comment_date_gmt>
        <wp:comment_content>${cdata(c.content)}</wp:comment_content>
        <wp:comment_approved>${c.approved ?? "1"}</wp:comment_approved>
        <wp:comment_type>${c.type ?? "comment"}</wp:comment_type>
        <wp:comment_parent>${c.parent ?? 0}</wp:comment_parent>
        <wp:comment_user_id>${c.userId ?? 0}</wp:comment_user_id>
      </wp:comment>`;
  const item = (i: WxrItem) => `
    <item>
      <title>${cdata(i.title)}</title>
      <link>${site}/${i.slug}/</link>
      <pubDate>Sat, 04 May 2019 10:00:00 +0000</pubDate>
      <dc:creator>${cdata(i.creator ?? "mara")}</dc:creator>
      <content:encoded>${cdata(i.content ?? "<p>Intro.</p>\n<h2>Staying silent</h2>\n<p>How long to stay silent and why silence helps.</p>\n<h2>Shared friends</h2>\n<p>What to tell friends you share.</p>")}</content:encoded>
      <excerpt:encoded>${cdata("")}</excerpt:encoded>
      <wp:post_id>${i.id}</wp:post_id>
      <wp:post_date_gmt>2019-05-04 10:00:00</wp:post_date_gmt>
      <wp:post_name>${i.slug}</wp:post_name>
      <wp:status>${i.status ?? "publish"}</wp:status>
      <wp:post_type>${i.type ?? "post"}</wp:post_type>
      ${i.comments.map(comment).join("")}
    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="${ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="${ns}">
  <channel>
    <title>Old blog</title>
    <wp:wxr_version>1.2</wp:wxr_version>
    <wp:author>
      <wp:author_id>7</wp:author_id>
      <wp:author_login>${cdata("mara")}</wp:author_login>
      <wp:author_email>${cdata(author.email)}</wp:author_email>
      <wp:author_display_name>${cdata(author.displayName)}</wp:author_display_name>
    </wp:author>
    ${items.map(item).join("")}
  </channel>
</rss>
`;
}

export function writeExport(dir: string, name: string, text: string, gzip = false) {
  const file = path.join(dir, name);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}
