// An author acts on their own articles and their own protected sources, and
// nowhere else: an author with no article sees no other author's source, no
// other article's audit trail, and cannot switch another author's source off.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { moderate } from "~/moderation/moderate.server";
import { createPost } from "~/posts/posts.server";
import * as auditLog from "~/routes/moderation.log";
import * as protectedSources from "~/routes/author_.protected";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { siteRequest, userWithSession } from "../support/users";

type Loaded<T> = T extends (...args: never[]) => Promise<infer R> ? R : never;

beforeAll(async () => {
  await seed();
  const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
  const moderator = (await userWithSession("moderator")).user;
  const post = await createPost({ articleId: article.id, guestName: "Scope", body: "Scope test", status: "pending" });
  await moderate(moderator, "reject", post.id, { reason: "Off topic" });
});

async function load<T extends (args: never) => Promise<unknown>>(loader: T, path: string, cookie: string) {
  return (await loader({ request: siteRequest(path, { cookie }), params: {}, context: {} } as never)) as Loaded<T>;
}

describe("an author with no article", () => {
  it("sees none of another author's protected sources, and cannot archive or restore them", async () => {
    const { cookie } = await userWithSession("author");
    const page = await load(protectedSources.loader, "/author/protected", cookie);
    expect(page.sources).toEqual([]);
    const source = await db.protectedSource.findFirstOrThrow({ where: { archivedAt: null } });
    for (const intent of ["archive", "restore"]) {
      const request = siteRequest("/author/protected", { cookie, form: { intent, id: String(source.id) } });
      const refused = await protectedSources.action({ request, params: {}, context: {} }).catch((r: Response) => r);
      expect((refused as Response).status).toBe(403);
    }
    expect((await db.protectedSource.findUniqueOrThrow({ where: { id: source.id } })).archivedAt).toBeNull();
  });

  it("reads no entry of another article's audit log, where a moderator reads them all", async () => {
    const author = await userWithSession("author");
    const mine = await load(auditLog.loader, "/moderation/log", author.cookie);
    expect(mine.total).toBe(0);
    expect(mine.entries).toEqual([]);
    const moderator = await userWithSession("moderator");
    expect((await load(auditLog.loader, "/moderation/log", moderator.cookie)).total).toBeGreaterThan(0);
  });

  it("is the demo articles' author who sees the demo source and that article's log", async () => {
    const nora = await db.user.findUniqueOrThrow({ where: { email: "nora@afterword.example" } });
    const { createSession, generateSessionToken } = await import("~/auth/sessions.server");
    const token = generateSessionToken();
    await createSession(token, nora.id);
    const cookie = `aw_session=${token}`;
    expect((await load(protectedSources.loader, "/author/protected", cookie)).sources.length).toBeGreaterThan(0);
    expect((await load(auditLog.loader, "/moderation/log", cookie)).total).toBeGreaterThan(0);
  });
});
