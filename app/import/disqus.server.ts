// Reads a Disqus export. Its posts come after all its threads, each naming its
// thread and parent, in no useful order; to thread them without holding the
// file in memory they are staged in a temporary SQLite file, then read back
// one thread at a time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ImportFileError, type XmlElement, childText, readXml } from "~/import/xml-stream.server";

export type DisqusThread = { id: string; identifier: string; link: string; title: string; createdAt: string };

export type DisqusPost = {
  id: string;
  thread: string;
  parent: string | null;
  message: string;
  createdAt: string;
  deleted: boolean;
  spam: boolean;
  approved: boolean;
  name: string;
  email: string | null;
  username: string | null;
  address: string | null;
};

export type DisqusStage = {
  threads: DisqusThread[];
  postCount: number;
  /** Posts without a dsq:id: nothing could ever find them again, so they are left out and counted. */
  withoutId: number;
  postsOf(threadIds: string[]): DisqusPost[];
  /** Posts naming a thread the file does not have. */
  postsWithoutThread(): number;
  close(): void;
};

const yes = (text: string) => text.trim().toLowerCase() === "true";

export async function stageDisqus(file: string): Promise<DisqusStage> {
  const dir = mkdtempSync(join(tmpdir(), "afterword-disqus-"));
  const stage = new Database(join(dir, "stage.db"));
  const close = () => {
    stage.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    stage.pragma("journal_mode = OFF");
    stage.pragma("synchronous = OFF");
    stage.exec("CREATE TABLE post (seq INTEGER PRIMARY KEY, thread TEXT NOT NULL, data TEXT NOT NULL)");
    stage.exec("CREATE INDEX post_thread ON post (thread)");
    const insert = stage.prepare("INSERT INTO post (thread, data) VALUES (?, ?)");
    const threads: DisqusThread[] = [];
    let postCount = 0;
    let withoutId = 0;
    let pending: [string, string][] = [];
    const flush = stage.transaction((rows: [string, string][]) => {
      for (const [thread, data] of rows) insert.run(thread, data);
    });
    await readXml(file, {
      onRoot(name) {
        if (name !== "disqus") {
          const hint = name === "rss" ? " It looks like a WordPress export: npm run import -- wordpress <file>." : "";
          throw new ImportFileError(
            file,
            `is not a Disqus export: its root element is <${name}>, not <disqus>.${hint}`,
          );
        }
      },
      isRecord: (path) => path.length === 2 && (path[1] === "thread" || path[1] === "post"),
      onRecord(record) {
        if (record.name === "thread") {
          threads.push(disqusThread(record));
          return;
        }
        const post = disqusPost(record);
        if (!post.id) {
          withoutId++;
          return;
        }
        pending.push([post.thread, JSON.stringify(post)]);
        postCount++;
        if (pending.length >= 2000) {
          flush(pending);
          pending = [];
        }
      },
    });
    flush(pending);
    const known = new Set(threads.map((t) => t.id));
    const select = stage.prepare("SELECT data FROM post WHERE thread = ? ORDER BY seq");
    return {
      threads,
      postCount,
      withoutId,
      postsOf: (ids) =>
        ids.flatMap((id) => select.all(id).map((row) => JSON.parse((row as { data: string }).data) as DisqusPost)),
      postsWithoutThread: () =>
        (
          stage.prepare("SELECT thread, count(*) AS n FROM post GROUP BY thread").all() as {
            thread: string;
            n: number;
          }[]
        )
          .filter((row) => !known.has(row.thread))
          .reduce((sum, row) => sum + row.n, 0),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** A <thread> of a Disqus export: the page its comments were under. */
function disqusThread(record: XmlElement): DisqusThread {
  return {
    id: record.attrs["dsq:id"] ?? "",
    identifier: childText(record, "id"),
    link: childText(record, "link"),
    title: childText(record, "title"),
    createdAt: childText(record, "createdAt"),
  };
}

/** A <post> of a Disqus export: one comment, with its writer and what Disqus decided of it. */
function disqusPost(record: XmlElement): DisqusPost {
  const child = (name: string) => record.children.find((c) => c.name === name);
  const author = child("author");
  return {
    id: record.attrs["dsq:id"] ?? "",
    thread: child("thread")?.attrs["dsq:id"] ?? "",
    parent: child("parent")?.attrs["dsq:id"] || null,
    message: childText(record, "message"),
    createdAt: childText(record, "createdAt"),
    deleted: yes(childText(record, "isDeleted")),
    spam: yes(childText(record, "isSpam")),
    approved: childText(record, "isApproved") === "" || yes(childText(record, "isApproved")),
    name: author ? childText(author, "name") : "",
    email: (author && childText(author, "email").toLowerCase()) || null,
    username: (author && childText(author, "username")) || null,
    address: childText(record, "ipAddress") || null,
  };
}
