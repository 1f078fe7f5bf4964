// Bans across instances, through the production server (the races of intake
// and moderation are in the reliability suite, tests/reliability): on
// PostgreSQL two app instances on one database (the multi-instance
// deployment), on SQLite one instance (SQLite is the single-instance
// default). Requests come with X-Forwarded-For (TRUST_PROXY=1), so each test
// chooses the address its readers share.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { VISIBLE_STATUS } from "~/model/status";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { testProvider } from "../support/test-database";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, type Visitor, askForm, newAddress, sendForm, visitor } from "../support/visitors";

const INSTANCES = testProvider() === "postgresql" ? 2 : 1;
let servers: AppServer[] = [];
let articleId: string;

beforeAll(async () => {
  await seed();
  articleId = (await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } })).id;
  servers = await Promise.all(
    Array.from({ length: INSTANCES }, () => startAppServer({ TRUST_PROXY: "1", DATABASE_POOL_SIZE: "10" })),
  );
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

function send(n: number, path: string, fields: Record<string, string>, as: Visitor) {
  return sendForm(servers[n % servers.length].url, path, fields, as);
}

const ask = (n: number, body: string, as: Visitor) => send(n, ARTICLE_PATH, askForm(body), as);

async function statusOf(body: string) {
  return (await db.post.findFirstOrThrow({ where: { bodySource: body }, orderBy: { id: "desc" } })).status;
}

describe(`bans on ${INSTANCES} instance(s)`, () => {
  it("hold the banned account, not the trusted reader or the guests at its address", async () => {
    const address = newAddress();
    const banned = await userWithSession("reader");
    const trusted = await userWithSession("reader");
    await createPost({ articleId, userId: trusted.user.id, body: "An approved earlier question", status: "published" });
    const moderator = await userWithSession("moderator");

    const bannedBrowser = await visitor({ session: banned.cookie, address });
    expect((await ask(0, "Selling something", bannedBrowser)).status).toBe(302);
    const post = await db.post.findFirstOrThrow({ where: { userId: banned.user.id } });
    // Unconfirmed, a ban is only asked about: the queue answers with its second step and bans no one.
    const asked = await send(
      0,
      "/moderation?index",
      { intent: "ban", postId: String(post.id), revision: "0" },
      { cookie: moderator.cookie, address: newAddress() },
    );
    expect(asked.status).toBe(200);
    expect(await db.ban.count({ where: { userId: banned.user.id } })).toBe(0);
    const ban = await send(
      0,
      "/moderation?index",
      { intent: "ban", postId: String(post.id), revision: "0", confirmed: "yes", banReason: "Selling", banFor: "day" },
      {
        cookie: moderator.cookie,
        address: newAddress(),
      },
    );
    expect(ban.status).toBe(302);

    // Posted through the other instance, from the same address.
    expect((await ask(1, "Selling again", bannedBrowser)).status).toBe(302);
    expect(await statusOf("Selling again")).toBe("spam");
    expect(
      (await ask(1, "My real question about week two", await visitor({ session: trusted.cookie, address }))).status,
    ).toBe(302);
    expect(await statusOf("My real question about week two")).toBe(VISIBLE_STATUS);
    expect((await ask(1, "A new guest here", await visitor({ guestKey: `new-${Date.now()}`, address }))).status).toBe(
      302,
    );
    expect(await statusOf("A new guest here")).toBe("pending");
  });

  it("hold guests from an address only when the moderator bans the address too", async () => {
    const address = newAddress();
    const moderator = await userWithSession("moderator");
    const trusted = await userWithSession("reader");
    await createPost({ articleId, userId: trusted.user.id, body: "Trusted before the spam run", status: "published" });
    await ask(0, "Spam run one", await visitor({ guestKey: `spam-${Date.now()}`, address }));
    const post = await db.post.findFirstOrThrow({ where: { bodySource: "Spam run one" } });
    const ban = await send(
      0,
      "/moderation?index",
      {
        intent: "ban",
        postId: String(post.id),
        revision: "0",
        banAddress: "on",
        confirmed: "yes",
        banReason: "Selling from one address",
      },
      { cookie: moderator.cookie, address: newAddress() },
    );
    expect(ban.status).toBe(302);
    await ask(1, "Spam run two", await visitor({ guestKey: `spam2-${Date.now()}`, address }));
    expect(await statusOf("Spam run two")).toBe("spam");
    await ask(1, "Trusted after the spam run", await visitor({ session: trusted.cookie, address }));
    expect(await statusOf("Trusted after the spam run")).toBe(VISIBLE_STATUS);
  });
});
