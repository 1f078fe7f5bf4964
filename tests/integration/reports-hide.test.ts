// Reports that act: distinct readers' reports on a published post, reaching
// the reportsToHide setting, take it off the page until a moderator decides;
// either decision ends the hiding, and the reports stay. SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { getArticlePage } from "~/articles/article-page.server";
import { db } from "~/db.server";
import { moderate } from "~/moderation/moderate.server";
import { getQueue } from "~/moderation/queue.server";
import { HIDDEN_BY_REPORTS, reportPost } from "~/posts/reports.server";
import { setSetting } from "~/settings/settings.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { userWithSession } from "../support/users";

let moderator: { id: string; role: string };
beforeAll(async () => {
  await seed();
  moderator = (await userWithSession("moderator")).user;
});

/** A published reply of the demo article, and its question's reply count. */
async function publishedReply(skip: number) {
  const reply = await db.post.findFirstOrThrow({
    where: { article: { slug: DEMO_ARTICLE }, status: "published", parentId: { not: null } },
    orderBy: { id: "asc" },
    skip,
  });
  const root = await db.post.findUniqueOrThrow({ where: { id: reply.rootId! } });
  return { reply, replyCount: root.replyCount };
}
const onPage = async (id: number) =>
  JSON.stringify((await getArticlePage(DEMO_ARTICLE, { page: 1 }))!.threads).includes(`"id":${id},`);

describe("reports that hide a post", () => {
  it("hide a post once three different readers report it, and an approval restores it", async () => {
    const { reply, replyCount } = await publishedReply(0);
    expect(await reportPost(reply.id, "Off topic", "reader-a")).toEqual({ hidden: false });
    // The same reader again counts once.
    expect(await reportPost(reply.id, "Spam or advertising", "reader-a")).toEqual({ hidden: false });
    // A report from nobody in particular counts none.
    expect(await reportPost(reply.id, "Off topic", null)).toEqual({ hidden: false });
    expect(await onPage(reply.id)).toBe(true);
    expect(await reportPost(reply.id, "Off topic", "reader-b")).toEqual({ hidden: false });
    expect(await reportPost(reply.id, "Abusive or hateful", "reader-c")).toEqual({ hidden: true });

    const hidden = await db.post.findUniqueOrThrow({ where: { id: reply.id } });
    expect(hidden.status).toBe("pending");
    expect(hidden.flags.split(",")).toEqual(expect.arrayContaining(["reported", HIDDEN_BY_REPORTS]));
    expect((await db.post.findUniqueOrThrow({ where: { id: reply.rootId! } })).replyCount).toBe(replyCount - 1);
    expect(await onPage(reply.id)).toBe(false);
    // Back in the queue, flagged.
    const queue = await getQueue(moderator, 1);
    const item = queue.items.find((i) => i.id === reply.id);
    expect(item?.flags).toEqual(expect.arrayContaining(["reported", HIDDEN_BY_REPORTS]));
    // Nobody can report it again while it is off the page.
    await expect(reportPost(reply.id, "Off topic", "reader-d")).rejects.toThrow(/not on the page/);

    await moderate(moderator, "approve", reply.id);
    const back = await db.post.findUniqueOrThrow({ where: { id: reply.id } });
    expect(back.status).toBe("published");
    expect(back.flags.split(",")).not.toContain(HIDDEN_BY_REPORTS);
    expect(back.number).toBe(reply.number);
    expect((await db.post.findUniqueOrThrow({ where: { id: reply.rootId! } })).replyCount).toBe(replyCount);
    expect(await onPage(reply.id)).toBe(true);
    // The reports stay, closed.
    const reports = await db.report.findMany({ where: { postId: reply.id } });
    expect(reports).toHaveLength(5);
    expect(reports.every((r) => r.resolvedAt !== null)).toBe(true);
    // Closed reports count no more: it takes three new readers to hide it again.
    expect(await reportPost(reply.id, "Off topic", "reader-a")).toEqual({ hidden: false });
  });

  it("ends the hiding with a rejection too, and follows the setting (0: reports never hide)", async () => {
    const { reply } = await publishedReply(1);
    for (const who of ["r1", "r2", "r3"]) await reportPost(reply.id, "Off topic", who);
    await moderate(moderator, "reject", reply.id);
    const rejected = await db.post.findUniqueOrThrow({ where: { id: reply.id } });
    expect(rejected.status).toBe("rejected");
    expect(rejected.flags.split(",")).not.toContain(HIDDEN_BY_REPORTS);

    await setSetting("reportsToHide", 0);
    const { reply: other } = await publishedReply(2);
    for (const who of ["s1", "s2", "s3", "s4", "s5"]) {
      expect(await reportPost(other.id, "Off topic", who)).toEqual({ hidden: false });
    }
    expect((await db.post.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("published");
    await setSetting("reportsToHide", 3);
  });
});
