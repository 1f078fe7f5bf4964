// Export, restore into an empty database, export again: the same file. Run on
// SQLite and on PostgreSQL; the SQLite run also moves the site to PostgreSQL
// (when TEST_POSTGRES_URL is set) and compares the pages both serve.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportTo, restoreFrom } from "~/backup/backup.server";
import { db } from "~/db.server";
import { runImport } from "~/import/import.server";
import { followArticle } from "~/mail/subscriptions.server";
import { setSetting } from "~/settings/settings.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { startAppServer } from "../support/app-server";
import { articleDir } from "../support/content";
import { TMP_DIR, postgresUrl, testProvider, withSchema } from "../support/test-database";

const dir = articleDir();
const files = articleDir();
const others: string[] = [];
const schemas: string[] = [];

/** A database of its own for a child process: a new SQLite file, or a new PostgreSQL schema. */
function otherDatabase(provider = testProvider()) {
  const id = randomBytes(5).toString("hex");
  if (provider === "postgresql") {
    schemas.push(`backup_${id}`);
    return withSchema(postgresUrl(), `backup_${id}`);
  }
  const file = path.join(TMP_DIR, `backup-${id}.db`);
  others.push(file);
  return `file:${file}`;
}

/** npm run <script> as a site owner runs it, on `databaseUrl`. */
function cli(script: "restore" | "export", args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, MAIL_SENDER: "0" },
    encoding: "utf8",
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

beforeAll(async () => {
  await seed();
  // Everything a site holds: an imported article with old addresses, a subscription and its email, settings.
  const file = path.join(files, "old.xml");
  writeFileSync(
    file,
    `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <item><title>Old post</title><link>http://old.example/2018/01/old-post/</link><dc:creator>someone</dc:creator>
      <content:encoded><![CDATA[<p>Text.</p><h2>A part</h2><p>More.</p>]]></content:encoded><wp:post_id>77</wp:post_id><wp:post_name>old-post</wp:post_name>
      <wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date_gmt>2018-01-01 10:00:00</wp:post_date_gmt>
      <wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_date_gmt>2018-01-02 10:00:00</wp:comment_date_gmt>
      <wp:comment_content>A question?</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
      <wp:comment><wp:comment_id>6</wp:comment_id><wp:comment_author>Other</wp:comment_author><wp:comment_date_gmt>2018-01-03 10:00:00</wp:comment_date_gmt>
      <wp:comment_content>An answer.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>5</wp:comment_parent></wp:comment>
      </item></channel></rss>`,
  );
  await runImport({ format: "wordpress", file, contentDir: dir });
  const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
  await followArticle({ email: "follower@example.com", confirmed: false, articleId: article.id });
  await setSetting("moderationMode", "first");
  const post = await db.post.findFirstOrThrow({ where: { status: "published" } });
  await db.report.create({ data: { postId: post.id, reason: "Spam", reporterKey: "k" } });
  await db.ban.create({ data: { guestEmail: "troll@example.com", reason: "Abuse" } });
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
  for (const file of others) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  if (schemas.length) {
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});

const exportLines = (file: string) =>
  gunzipSync(readFileSync(file))
    .toString("utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("export and restore", () => {
  for (const withSecrets of [false, true]) {
    it(`export → restore into an empty database → export gives the same file${withSecrets ? " (with secrets)" : ""}`, async () => {
      const first = path.join(files, `first-${withSecrets}.jsonl.gz`);
      const counts = await exportTo(first, { withSecrets });
      expect(counts.post).toBeGreaterThan(20);
      expect(counts.moderationAction).toBeGreaterThan(0);
      expect(counts.postRevision).toBeGreaterThan(0);
      expect(counts.legacyPath).toBe(3);
      expect(counts.subscription).toBe(1);

      const target = otherDatabase();
      const restored = cli("restore", [first], target);
      expect(restored.output).toMatch(/Restored \d+ row\(s\)/);
      expect(restored.status).toBe(0);
      // Without secrets no password came along: the restore says so, and how to make an admin.
      if (withSecrets) expect(restored.output).not.toContain("No one can sign in");
      else {
        expect(restored.output).toContain("No one can sign in yet");
        expect(restored.output).toContain(
          'npm run user:create -- --email you@example.com --name "Your Name" --role admin',
        );
      }
      const second = path.join(files, `second-${withSecrets}.jsonl.gz`);
      expect(cli("export", [...(withSecrets ? ["--with-secrets"] : []), second], target).status).toBe(0);
      expect(readFileSync(second).equals(readFileSync(first))).toBe(true);

      const lines = exportLines(first);
      expect(lines[0]).toMatchObject({ format: "afterword-export", version: 1, withSecrets });
      expect(lines.at(-1)).toMatchObject({ end: true });
      const users = lines.filter((l) => l.table === "user");
      expect(
        users.every(
          (l) => (l.row.passwordHash !== null) === (withSecrets && l.row.email.endsWith("@afterword.example")),
        ),
      ).toBe(true);
      expect(lines.some((l) => l.table === "protectedSource")).toBe(withSecrets);
      expect(lines.some((l) => l.table === "mailToken")).toBe(withSecrets);
      expect(lines.some((l) => l.table === "session")).toBe(false);
    });
  }

  it("restores only into an empty database, and refuses a damaged or foreign file without writing", async () => {
    const file = path.join(files, "refused.jsonl.gz");
    await exportTo(file);
    await expect(restoreFrom(file)).rejects.toThrow(/not empty \(user has \d+ row/);

    const target = otherDatabase();
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    const cut = path.join(files, "cut.jsonl.gz");
    writeFileSync(cut, gzipSync(text.slice(0, Math.floor(text.length / 2)).replace(/\n[^\n]*$/, "\n")));
    const foreign = path.join(files, "foreign.jsonl.gz");
    writeFileSync(foreign, gzipSync('{"format":"afterword-export","version":99}\n'));
    for (const [bad, message] of [
      [cut, /ends early/],
      [foreign, /format version 99/],
      [path.join("tests/fixtures/import/isso-disqus.xml"), /not a readable gzip file/],
      [path.join(files, "missing.jsonl.gz"), /cannot be read \(ENOENT\)/],
    ] as const) {
      const result = cli("restore", [bad], target);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(message);
    }
    // Nothing of the cut file was written: a whole restore still goes in.
    expect(cli("restore", [file], target).status).toBe(0);
  });

  it.runIf(testProvider() === "sqlite" && Boolean(process.env.TEST_POSTGRES_URL))(
    "moves a site from SQLite to PostgreSQL: the same pages",
    async () => {
      const file = path.join(files, "move.jsonl.gz");
      await exportTo(file, { withSecrets: true });
      const target = otherDatabase("postgresql");
      expect(cli("restore", [file], target).status).toBe(0);
      const servers = await Promise.all([startAppServer(), startAppServer({ DATABASE_URL: target })]);
      try {
        const pages = [
          "/",
          `/articles/${DEMO_ARTICLE}`,
          `/articles/${DEMO_ARTICLE}?sort=newest`,
          `/articles/${DEMO_ARTICLE}/questions/1`,
          "/articles/old-post",
          `/articles/${DEMO_ARTICLE}/answers.atom`,
        ];
        const normalise = (html: string) =>
          html
            .replace(/(localhost|127\.0\.0\.1):\d+/g, "SITE")
            .replace(/ nonce="[^"]*"/g, "")
            .replace(/<input type="hidden" name="[^"]*" value="[^"]*"\/>/g, "");
        for (const page of pages) {
          const [sqlite, postgres] = await Promise.all(servers.map((s) => fetch(s.url + page).then((r) => r.text())));
          expect(normalise(postgres), page).toBe(normalise(sqlite));
        }
        const old = await fetch(`${servers[1].url}/2018/01/old-post/`, { redirect: "manual" });
        expect([old.status, old.headers.get("location")]).toEqual([301, "/articles/old-post"]);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    },
    120_000,
  );
});
