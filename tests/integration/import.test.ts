// The importers on real exports from public repositories (tests/fixtures/README.md)
// and on files made for each edge case, on this run's database.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { confirmSection, sectionsToConfirm } from "~/author/sections.server";
import { db } from "~/db.server";
import { ImportFileError, type ImportOptions, runImport } from "~/import/import.server";
import { formatReport, totals } from "~/import/report";
import { loader as oldCommentLoader } from "~/routes/articles.$slug_.comments.$oldId";
import { loader as splatLoader } from "~/routes/$";
import { loader as homeLoader } from "~/routes/_index";
import { postPermalink } from "~/model/paths";
import { articleDir, writeArticle } from "../support/content";
import { type WxrItem, writeExport, wxr } from "../support/import-files";
import { refusalStatus } from "../support/factories";

const FIXTURES = "tests/fixtures/import";
const dir = articleDir();
const exportsDir = articleDir();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(exportsDir, { recursive: true, force: true });
});

const wordpress = (file: string, extra: Partial<ImportOptions> = {}) =>
  runImport({ format: "wordpress", file, contentDir: dir, ...extra });

async function postsOf(slug: string) {
  return db.post.findMany({ where: { article: { slug } }, orderBy: { id: "asc" } });
}
const byExternal = (posts: Awaited<ReturnType<typeof postsOf>>, id: number | string) =>
  posts.find((p) => p.externalId === `wordpress:${id}` || p.externalId === `disqus:${id}`)!;

async function snapshot() {
  const posts = await db.post.findMany({ orderBy: { id: "asc" } });
  const files = readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(path.join(dir, name), "utf8")]);
  const articles = await db.article.findMany({
    orderBy: { slug: "asc" },
    select: { slug: true, lastQuestionNumber: true, sourceHash: true },
  });
  return JSON.stringify({ posts, files, articles });
}

describe("WordPress: the edge cases, in one made-up export", () => {
  const at = (day: string) => `${day} 09:30:00`;
  const item: WxrItem = {
    id: 501,
    slug: "no-contact-old",
    title: "No contact, the old post",
    comments: [
      // A reply that comes before its parent in the file.
      { id: 12, parent: 13, date: at("2020-01-07"), content: "Replying to thirteen." },
      {
        id: 10,
        date: at("2020-01-05"),
        content: "How long should I stay silent after the breakup?",
        email: "Ten@Example.org",
      },
      { id: 11, parent: 10, userId: 7, author: "Mara Lind", date: at("2020-01-06"), content: "Thirty days, then see." },
      { id: 13, parent: 10, date: at("2020-01-06"), content: "Same question here." },
      { id: 20, date: at("2020-02-01"), content: "What do I tell shared friends?" },
      ...[21, 22, 23, 24, 25, 26].map((id) => ({
        id,
        parent: id - 1,
        date: at(`2020-02-0${id - 19}`),
        content: `Level ${id - 19}`,
      })),
      { id: 30, date: at("2020-02-10"), content: "Awaiting moderation.", approved: "0" },
      { id: 31, date: at("2020-02-11"), content: "Buy cheap pills", approved: "spam" },
      { id: 32, date: at("2020-02-12"), content: "Thrown away", approved: "trash" },
      { id: 33, date: at("2020-02-13"), content: "Linked from elsewhere", type: "pingback", author: "Another blog" },
      { id: 34, parent: 999, date: at("2020-04-01"), content: "My parent was deleted long ago." },
      { id: 35, parent: 20, author: "mara", date: at("2020-02-20"), content: "By login." },
      { id: 36, parent: 10, author: "M.", email: "MARA@old.example", date: at("2020-01-20"), content: "By email." },
      {
        id: 37,
        date: at("2020-03-01"),
        content:
          'A long story [EDITED FOR LENGTH] so?<script>alert(1)</script><p onclick="x()">Look <a href="javascript:alert(1)">here</a></p>',
      },
      { id: 38, date: at("2019-06-01"), content: "The first question of all." },
    ],
  };
  let file: string;

  beforeAll(() => {
    file = writeExport(
      exportsDir,
      "edge.xml",
      wxr([item, { id: 502, slug: "draft", title: "Draft", status: "draft", comments: [] }]),
    );
  });

  it("a dry run reports and writes nothing", async () => {
    const before = await snapshot();
    const report = await wordpress(file, { dryRun: true });
    expect(await snapshot()).toBe(before);
    expect(totals(report).posts).toEqual({ published: 16, pending: 1, spam: 1, deleted: 1, rejected: 0 });
    expect(report.skipped).toMatchObject({ "pingbacks and trackbacks (--keep-pingbacks keeps them)": 1 });
    expect(report.authors).toEqual([{ name: "Mara Lind", email: "mara@old.example", account: "to create" }]);
    expect(formatReport(report)).toContain("Dry run (nothing written)");
  });

  it("imports threads, statuses, numbers by date, the author's replies, dates and clean bodies", async () => {
    const report = await wordpress(file);
    expect(totals(report).all).toBe(19);
    const article = await db.article.findUniqueOrThrow({
      where: { slug: "no-contact-old" },
      include: { sections: true },
    });
    expect(readFileSync(path.join(dir, "no-contact-old.md"), "utf8")).toContain("## Staying silent");
    const mara = await db.user.findUniqueOrThrow({ where: { email: "mara@old.example" } });
    expect(mara).toMatchObject({ role: "author", passwordHash: null, displayName: "Mara Lind" });
    expect(article.authorId).toBe(mara.id);

    const posts = await postsOf("no-contact-old");
    const p = (id: number) => byExternal(posts, id);
    expect(posts).toHaveLength(19);
    expect([p(10), p(30), p(31), p(32)].map((x) => x.status)).toEqual(["published", "pending", "spam", "deleted"]);
    // Questions numbered by date; the pending, spam and deleted ones get none.
    expect([38, 10, 20, 37, 34].map((id) => p(id).number)).toEqual([1, 2, 3, 4, 5]);
    expect([30, 31, 32].map((id) => p(id).number)).toEqual([null, null, null]);
    expect(article.lastQuestionNumber).toBe(5);
    // Parent links, whatever the order in the file; depth stops at five.
    expect(p(12)).toMatchObject({ parentId: p(13).id, rootId: p(10).id, depth: 3 });
    expect(p(26)).toMatchObject({ parentId: p(25).id, rootId: p(20).id, depth: 5 });
    expect(p(25).depth).toBe(5);
    expect(p(34)).toMatchObject({ parentId: null, rootId: null, depth: 1 });
    // The author by user id, by login and by email; counters as the page reads them.
    for (const id of [11, 35, 36]) expect(p(id)).toMatchObject({ userId: mara.id, guestName: null });
    expect(p(10)).toMatchObject({
      replyCount: 4,
      authorAnswered: true,
      guestName: "Reader 10",
      guestEmail: "ten@example.org",
    });
    expect(p(20)).toMatchObject({ replyCount: 7, authorAnswered: true });
    expect(p(10).ipHash).toMatch(/^[\w-]{22}$/);
    expect(p(10).createdAt.toISOString()).toBe("2020-01-05T09:30:00.000Z");
    expect(p(10).publishedAt?.toISOString()).toBe("2020-01-05T09:30:00.000Z");
    // Filed under the section its words match, marked as suggested; replies follow their question.
    const silent = article.sections.find((s) => s.anchor === "staying-silent")!;
    expect(p(10)).toMatchObject({ sectionId: silent.id, sectionSuggested: true });
    expect(p(13).sectionId).toBe(silent.id);
    // Sanitised to the Markdown subset; a moderator's cut stays a cut.
    expect(p(37).bodyHtml).not.toMatch(/<script|onclick|javascript:/i);
    expect(p(37).bodyHtml).toContain('class="edit-marker"');
    expect(p(37).bodySource).toContain("[EDITED FOR LENGTH]");
  });

  it("a second run changes nothing; a later export adds only what is new", async () => {
    const before = await snapshot();
    const again = await wordpress(file);
    expect(totals(again).all).toBe(0);
    expect(totals(again).alreadyImported).toBe(19);
    expect(await snapshot()).toBe(before);

    const later = {
      ...item,
      comments: [...item.comments, { id: 40, parent: 10, date: "2021-01-01 08:00:00", content: "Still here." }],
    };
    const report = await wordpress(writeExport(exportsDir, "later.xml.gz", wxr([later]), true));
    expect(totals(report).all).toBe(1);
    const posts = await postsOf("no-contact-old");
    expect(posts).toHaveLength(20);
    expect(byExternal(posts, 10).replyCount).toBe(5);
    expect(byExternal(posts, 40)).toMatchObject({ parentId: byExternal(posts, 10).id, depth: 2 });
  });

  it("keeps pingbacks when asked, marked as such", async () => {
    const report = await wordpress(file, { keepPingbacks: true });
    expect(totals(report).all).toBe(1);
    const pingback = byExternal(await postsOf("no-contact-old"), 33);
    expect(pingback).toMatchObject({
      flags: "pingback",
      guestName: "Pingback: Another blog",
      status: "published",
      number: 6,
    });
  });

  it("answers the old addresses with a 301 and forwards an old comment anchor to the post", async () => {
    const expect301 = async (promise: Promise<unknown>, location: string) => {
      const response = (await promise.catch((error) => error)) as Response;
      expect(response.status).toBe(301);
      expect(response.headers.get("Location")).toBe(location);
    };
    const args = (url: string, params: Record<string, string> = {}) => ({
      request: new Request(url),
      params,
      context: {},
    });
    await expect301(splatLoader(args("http://localhost/2019/05/no-contact-old/")), "/articles/no-contact-old");
    await expect301(splatLoader(args("http://localhost/no-contact-old")), "/articles/no-contact-old");
    await expect301(homeLoader(args("http://localhost/?p=501")), "/articles/no-contact-old");
    const ten = byExternal(await postsOf("no-contact-old"), 10);
    await expect301(
      oldCommentLoader(args("http://localhost/", { slug: "no-contact-old", oldId: "10" })),
      postPermalink("no-contact-old", ten.id),
    );
    const missing = (await (splatLoader(args("http://localhost/2019/05/never-was/")) as Promise<unknown>).catch(
      (e) => e,
    )) as Response;
    expect(missing.status).toBe(404);
  });

  it("lists the suggested sections for the author, who confirms or changes them, replies following", async () => {
    const mara = await db.user.findUniqueOrThrow({ where: { email: "mara@old.example" } });
    const list = await sectionsToConfirm(mara);
    const ten = byExternal(await postsOf("no-contact-old"), 10);
    const listed = list.questions.find((q) => q.id === ten.id)!;
    expect(listed).toMatchObject({ name: "Question 2 by Reader 10", suggested: "staying-silent" });
    expect(listed.sections.map((s) => s.anchor)).toEqual(["staying-silent", "shared-friends"]);

    const stranger = await db.user.create({
      data: { email: "other@example.com", displayName: "Other", role: "author" },
    });
    expect(await refusalStatus(confirmSection(stranger, ten.id, "shared-friends"))).toBe(403);
    expect(await refusalStatus(confirmSection(mara, ten.id, "no-such-section"))).toBe(400);
    expect(await confirmSection(mara, ten.id, "shared-friends")).toBe(
      "Filed question 2 by Reader 10 under “Shared friends”.",
    );
    expect(await refusalStatus(confirmSection(mara, ten.id, "staying-silent"))).toBe(409);

    const posts = await postsOf("no-contact-old");
    const shared = await db.section.findFirstOrThrow({
      where: { anchor: "shared-friends", article: { slug: "no-contact-old" } },
    });
    expect(byExternal(posts, 10)).toMatchObject({ sectionId: shared.id, sectionSuggested: false });
    expect(byExternal(posts, 12).sectionId).toBe(shared.id);
    expect(await db.moderationAction.findFirst({ where: { postId: ten.id, action: "file_section" } })).toMatchObject({
      actorId: mara.id,
      before: "Staying silent",
      after: "Shared friends",
    });
    expect((await sectionsToConfirm(mara)).total).toBe(list.total - 1);
  });

  it("refuses a truncated file, a wrong format and an unreadable gzip, naming the file and the place, writing nothing", async () => {
    const before = await snapshot();
    const text = wxr([{ ...item, id: 900, slug: "cut-short" }]);
    const cut = writeExport(exportsDir, "cut.xml", text.slice(0, Math.floor(text.length * 0.6)));
    await expect(wordpress(cut)).rejects.toThrow(ImportFileError);
    await expect(wordpress(cut)).rejects.toThrow(/cut\.xml: the XML breaks at line \d+, column \d+/);
    await expect(wordpress(path.join(FIXTURES, "isso-disqus.xml"))).rejects.toThrow(/not a WordPress export.*Disqus/);
    const badGzip = writeExport(exportsDir, "bad.xml.gz", "");
    writeFileSync(badGzip, Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from("not really gzip")]));
    await expect(wordpress(badGzip)).rejects.toThrow(/bad\.xml\.gz: is not a readable gzip file/);
    await expect(wordpress(path.join(exportsDir, "nothing-here.xml"))).rejects.toThrow(
      /nothing-here\.xml: cannot be read \(ENOENT\)/,
    );
    expect(await snapshot()).toBe(before);
    expect(existsSync(path.join(dir, "cut-short.md"))).toBe(false);
  });
});

describe("WordPress: real exports", () => {
  it("WordPress's own theme test data (WXR 1.2): 7 articles, threads ten deep, the authors' comments, run twice", async () => {
    const file = path.join(FIXTURES, "wordpress-importer-theme-unit-test-data.xml");
    const report = await wordpress(file);
    expect(report.articles).toHaveLength(7);
    expect(totals(report).posts).toMatchObject({ published: 26, pending: 3, spam: 0, deleted: 0 });
    expect(report.skipped["pingbacks and trackbacks (--keep-pingbacks keeps them)"]).toBe(4);
    const posts = await postsOf("template-comments");
    expect(posts).toHaveLength(20);
    const buster = await db.user.findUniqueOrThrow({ where: { email: "themeshaperwp+demos@gmail.com" } });
    expect(posts.filter((p) => p.userId === buster.id).map((p) => p.externalId)).toEqual([
      "wordpress:903",
      "wordpress:910",
      "wordpress:915",
    ]);
    // "Comment Depth 01" … "10": one chain, shown five deep.
    const depth = (n: number) =>
      posts.find((p) => p.bodySource.startsWith(`Comment Depth ${String(n).padStart(2, "0")}`))!;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => depth(n).depth)).toEqual([1, 2, 3, 4, 5, 5, 5]);
    for (let n = 2; n <= 10; n++) expect(depth(n)).toMatchObject({ parentId: depth(n - 1).id, rootId: depth(1).id });
    expect(depth(1).replyCount).toBe(9);
    expect(depth(1).createdAt.toISOString()).toBe("2013-03-14T14:57:01.000Z");
    for (const post of posts) expect(post.bodyHtml).not.toMatch(/<(script|iframe|img|h\d|table)/i);
    const again = await wordpress(file);
    expect(totals(again)).toMatchObject({ all: 0, alreadyImported: 29 });
  });

  it("isso's test export (WXR 1.0, no authors listed) and the importer's WXR 1.0 and 1.1 samples", async () => {
    const isso = await wordpress(path.join(FIXTURES, "isso-wordpress.xml"));
    expect(totals(isso).posts.published).toBe(8);
    expect(isso.authors.every((a) => a.account === "none")).toBe(true);
    const issoPosts = await postsOf("test");
    expect(issoPosts.filter((p) => p.parentId !== null).length).toBeGreaterThan(0);
    // The two samples are one site's "Hello world!" (post 1, comment 1) at two versions of the format.
    const sample = (version: string) => wordpress(path.join(FIXTURES, `wordpress-importer-valid-wxr-${version}.xml`));
    expect(totals(await sample("1.0"))).toMatchObject({ all: 1, alreadyImported: 0 });
    expect(totals(await sample("1.1"))).toMatchObject({ all: 0, alreadyImported: 1 });
    expect((await postsOf("hello-world"))[0]).toMatchObject({
      externalId: "wordpress:1",
      guestName: "Mr WordPress",
      number: 1,
    });
  });
});

describe("Disqus", () => {
  beforeAll(async () => {
    writeArticle(dir, "hello-disqus", [{ id: "one", title: "One" }]);
    writeArticle(dir, "redacted", [{ id: "one", title: "One" }]);
    writeArticle(dir, "podcast-229", [{ id: "one", title: "One" }]);
    await syncContent(dir);
  });
  const map = () =>
    writeExport(
      exportsDir,
      "map.csv",
      "url,slug\nhttp://example.org/,hello-disqus\n/blog/2013/02/12/redacted/index.html,redacted\n" +
        "http://radio-t.umputun.com/2011/03/229_8880.html,podcast-229\nhttps://radio-t.com/p/2011/03/05/podcast-229/,podcast-229\n",
    );
  const disqus = (file: string, extra: Partial<ImportOptions> = {}) =>
    runImport({ format: "disqus", file: path.join(FIXTURES, file), map: map(), ...extra });

  it("isso's export: threads by the map, a deleted post kept so its reply keeps its place, the rest reported", async () => {
    const report = await disqus("isso-disqus.xml");
    expect(report.skipped).toMatchObject({
      "threads with no article in the map (their posts are left out too)": 1,
      "posts naming a thread that is not in the file": 1,
    });
    const posts = await postsOf("hello-disqus");
    expect(posts.map((p) => [p.externalId, p.status])).toEqual(
      expect.arrayContaining([
        ["disqus:4", "published"],
        ["disqus:5", "published"],
        ["disqus:9", "deleted"],
        ["disqus:11", "published"],
      ]),
    );
    const p = (id: number) => byExternal(posts, id);
    expect(p(5)).toMatchObject({ parentId: p(4).id, rootId: p(4).id, depth: 2 });
    expect(p(11)).toMatchObject({ parentId: p(9).id, rootId: p(9).id, depth: 2 });
    expect(p(5).bodyHtml).toBe("<p>Hello, World.</p>\n");
    expect(p(4).createdAt.toISOString()).toBe("2013-10-10T19:20:29.000Z");
    expect(await postsOf("redacted")).toHaveLength(1);
    expect(totals(await disqus("isso-disqus.xml"))).toMatchObject({ all: 0, alreadyImported: 5 });
  });

  it("remark42's export: two threads of one page merged, spam and deleted kept, a post without an id or a date reported", async () => {
    const report = await disqus("remark42-disqus-deleted-post.xml");
    expect(report.skipped["posts without a dsq:id"]).toBe(1);
    expect(report.notes.some((n) => n.includes("no readable date"))).toBe(true);
    const posts = await postsOf("podcast-229");
    expect(posts).toHaveLength(5);
    expect(byExternal(posts, 299619020).status).toBe("deleted");
    expect(byExternal(posts, 299986073).status).toBe("spam");
    expect(byExternal(posts, "x299986073").createdAt.toISOString()).toBe("2011-03-07T21:17:17.000Z");
    expect(byExternal(posts, 299744309).bodyHtml).toContain(
      '<a href="http://blogs.msdn.com/b/b8/archive/2011/08/29/improvements-in-windows-explorer.aspx"',
    );
  });

  it("refuses remark42's malformed export and a missing map, writing nothing", async () => {
    const before = await snapshot();
    await expect(disqus("remark42-disqus.xml")).rejects.toThrow(
      /remark42-disqus\.xml: the XML breaks at line 1, column \d+/,
    );
    await expect(runImport({ format: "disqus", file: path.join(FIXTURES, "isso-disqus.xml") })).rejects.toThrow(
      /--map/,
    );
    await expect(disqus("isso-wordpress.xml")).rejects.toThrow(/not a Disqus export/);
    expect(await snapshot()).toBe(before);
  });
});

describe("WordPress: posts kept on their site (--keep-articles-on-site)", () => {
  it("attaches each thread to a record of the post's address, its h2[id] headings the sections, writing no file", async () => {
    const before = readdirSync(dir).length;
    const file = writeExport(
      exportsDir,
      "kept-on-site.xml",
      wxr(
        [
          {
            id: 901,
            slug: "staying-kind",
            title: "Staying kind after a breakup",
            content:
              '<p>Intro.</p><h2 id="to-yourself">Kind to yourself</h2><p>Sleep, eat, walk, and rest your mind.</p>' +
              '<h2 class="wp-block-heading" id="to-them">Kind to them</h2><p>No messages while you are angry; anger fades.</p>' +
              "<h2>No id here</h2><p>Not a section.</p>",
            comments: [
              { id: 1, date: "2020-02-01 10:00:00", content: "How do I rest my mind when I cannot sleep?" },
              { id: 2, parent: 1, userId: 7, author: "Mara Lind", date: "2020-02-01 12:00:00", content: "Walk first." },
            ],
          },
          // A plain "?p=" address is no page's own: reported, left out.
          {
            id: 902,
            slug: "",
            title: "Plain link",
            comments: [{ id: 3, date: "2020-02-02 10:00:00", content: "Hi?" }],
          },
        ],
        { site: "https://kind.example/blog" },
      ).replace("<link>https://kind.example/blog//</link>", "<link>https://kind.example/?p=902</link>"),
    );
    const report = await wordpress(file, { keepArticlesOnSite: true });
    expect(readdirSync(dir).length).toBe(before);
    const article = await db.article.findUniqueOrThrow({
      where: { url: "https://kind.example/blog/staying-kind/" },
      include: { sections: { orderBy: { position: "asc" } }, legacyPaths: true },
    });
    expect(article).toMatchObject({ slug: "staying-kind", sourcePath: "", introHtml: "", authorName: "Mara Lind" });
    expect(article.authorId).not.toBeNull();
    expect(article.sections.map((s) => [s.anchor, s.title])).toEqual([
      ["to-yourself", "Kind to yourself"],
      ["to-them", "Kind to them"],
    ]);
    expect(article.legacyPaths.map((p) => p.path)).toContain("/?p=901");
    const posts = await postsOf("staying-kind");
    expect(posts).toHaveLength(2);
    // Filed under the section its words suggest, from the post's own text under each heading.
    expect(posts[0].sectionId).toBe(article.sections[0].id);
    expect(posts[1].userId).toBe(article.authorId);
    expect(formatReport(report)).toMatch(/Plain link.*no address of its own/);
    expect(await db.article.count({ where: { title: "Plain link" } })).toBe(0);

    // Again: nothing new, the same record.
    const again = await wordpress(file, { keepArticlesOnSite: true });
    expect(totals(again).all).toBe(0);
    expect(await db.article.count({ where: { url: "https://kind.example/blog/staying-kind/" } })).toBe(1);
    expect(await postsOf("staying-kind")).toHaveLength(2);
    // A content sync leaves it (and its sections, which are the page's) alone.
    const sync = await syncContent(dir);
    expect(sync.missingFiles).not.toContain("staying-kind");
    expect(await db.section.count({ where: { articleId: article.id, removedAt: null } })).toBe(2);
  });
});
