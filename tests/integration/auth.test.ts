import { beforeAll, describe, expect, it, vi } from "vitest";
import { createAccount, signIn } from "~/auth/accounts.server";
import { refusalOf } from "../support/factories";
import { passwordProblem, verifyPassword } from "~/auth/passwords.server";
import {
  SESSION_DAYS,
  createSession,
  generateSessionToken,
  invalidateOtherSessions,
  sessionCookie,
  sessionIdFromToken,
  validateSessionToken,
} from "~/auth/sessions.server";
import { takeFromWindow } from "~/auth/throttle.server";
import { db } from "~/db.server";
import { submitPost } from "~/posts/intake.server";
import { setSetting } from "~/settings/settings.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { userWithSession } from "../support/users";

const DAY = 86_400_000;

beforeAll(async () => {
  await seed();
});

describe("sessions", () => {
  it("stores only the token's SHA-256, never the token", async () => {
    const { user, token } = await userWithSession("reader");
    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(sessionIdFromToken(token));
    expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(await db.session.findMany());
    expect(everything).not.toContain(token);
    expect((await validateSessionToken(token))?.user.id).toBe(user.id);
    expect(await validateSessionToken(generateSessionToken())).toBeNull();
  });

  it("lasts 30 days, is extended when used in its second half, and ends when expired", async () => {
    const { user } = await userWithSession("reader");
    const token = generateSessionToken();
    const session = await createSession(token, user.id);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * DAY);
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 10 * DAY) } });
    const extended = await validateSessionToken(token);
    expect(extended!.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * DAY);
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db.session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("signs out of every other session", async () => {
    const { user, token } = await userWithSession("reader");
    await createSession(generateSessionToken(), user.id);
    await createSession(generateSessionToken(), user.id);
    expect(await invalidateOtherSessions(user.id, sessionIdFromToken(token))).toBe(2);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await validateSessionToken(token)).not.toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax cookie for 30 days, Secure outside development", async () => {
    const expires = new Date(Date.now() + SESSION_DAYS * DAY);
    const cookie = sessionCookie("abc", expires);
    expect(cookie).toMatch(/^aw_session=abc; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain(`Expires=${expires.toUTCString()}`);
    expect(cookie).not.toContain("Secure");
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    const production = await import("~/auth/sessions.server");
    expect(production.sessionCookie("abc", expires)).toContain("; Secure");
    vi.unstubAllEnvs();
  });
});

describe("passwords and sign-in", () => {
  it("refuses short, common and email-like passwords, and hashes with argon2id", async () => {
    expect(passwordProblem("short", "a@b.co")).toMatch(/at least 10/);
    expect(passwordProblem("password123", "a@b.co")).toMatch(/most common/);
    expect(passwordProblem("1234567890", "a@b.co")).toMatch(/most common/);
    expect(passwordProblem("ada.lovelace99!", "ada.lovelace@example.com")).toMatch(/email/);
    expect(passwordProblem("blue kettle morning", "ada@example.com")).toBeNull();
    const created = await createAccount({ name: "Ada", email: "Ada@Example.com", password: "blue kettle morning" });
    expect(created.email).toBe("ada@example.com");
    const stored = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash!, "blue kettle morning")).toBe(true);
    expect(
      await refusalOf(createAccount({ name: "Ada", email: "ada@example.com", password: "another fine one" })),
    ).toMatchObject({ status: 409, fields: { email: expect.stringMatching(/already an account/) } });
  });

  it("backs off after 5 failures, per account and per address, and says when to try again", async () => {
    await createAccount({ name: "Bo", email: "bo@example.com", password: "a long enough secret" });
    for (let i = 1; i <= 4; i++) {
      expect(await refusalOf(signIn({ email: "bo@example.com", password: "wrong" }, "addr-1"))).toMatchObject({
        status: 400,
      });
    }
    const fifth = await refusalOf(signIn({ email: "bo@example.com", password: "wrong" }, "addr-1"));
    expect(fifth).toMatchObject({
      status: 429,
      fields: { form: expect.stringMatching(/try again in \d+ seconds/) },
    });
    // Even the right password waits now.
    expect(
      await refusalOf(signIn({ email: "bo@example.com", password: "a long enough secret" }, "addr-2")),
    ).toMatchObject({ status: 429 });
    // The address is locked for other accounts too.
    expect(await refusalOf(signIn({ email: "someone@example.com", password: "x" }, "addr-1"))).toMatchObject({
      status: 429,
    });
    // Each further failure doubles the wait.
    await db.signInThrottle.update({ where: { key: "email:bo@example.com" }, data: { lockedUntil: new Date(0) } });
    await refusalOf(signIn({ email: "bo@example.com", password: "wrong" }, null));
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: "email:bo@example.com" } });
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(55_000);
    await db.signInThrottle.deleteMany();
    expect(await signIn({ email: "bo@example.com", password: "a long enough secret" }, "addr-1")).toHaveProperty("id");
  });
});

describe("sign-up", () => {
  it("lets five accounts come from one address freely, then makes the next wait", async () => {
    const { action } = await import("~/routes/signup");
    const { siteRequest } = await import("../support/users");
    const signUp = async (n: number, address: string) => {
      const request = siteRequest("/signup", {
        form: { name: `New ${n}`, email: `new-${n}-${Date.now()}@example.com`, password: "a long passphrase here" },
      });
      const result = await action({ request, params: {}, context: { clientAddress: address } });
      return result instanceof Response
        ? result.status
        : ((result as { init?: { status?: number } }).init?.status ?? 200);
    };
    for (let n = 1; n <= 5; n++) expect(await signUp(n, "198.51.100.7")).toBe(302);
    expect(await signUp(6, "198.51.100.7")).toBe(429);
    expect(await signUp(7, "198.51.100.8")).toBe(302);
  });
});

describe("a staff account without a password", () => {
  it("cannot be claimed by signing up with its email", async () => {
    const email = `staff-${Date.now()}@example.com`;
    await db.user.create({ data: { email, displayName: "Staff", role: "moderator" } });
    const result = await refusalOf(createAccount({ name: "Stranger", email, password: "a long passphrase here" }));
    expect(result).toMatchObject({ status: 409 });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();
    // The site owner finishes it from the command line (user:create names the role).
    expect(
      await createAccount({ name: "Staff", email, password: "a long passphrase here", role: "moderator" }),
    ).toMatchObject({ role: "moderator" });
  });
});

describe("signed-in posting", () => {
  const post = async (userId: string, role: string, body: string) => {
    const article = await db.article.findUniqueOrThrow({
      where: { slug: DEMO_ARTICLE },
      select: { id: true, slug: true },
    });
    const visitor = { userId, role, guestKey: null, ipHash: null, formShownAt: Date.now() - 60_000 };
    const result = await submitPost(article, { body, section: "article" }, visitor);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.post.status;
  };

  it("holds a new reader, trusts one with an approved post, and publishes staff at once", async () => {
    const { user: reader } = await userWithSession("reader");
    expect(await post(reader.id, "reader", "My first question, no name needed")).toBe("pending");
    await db.post.updateMany({ where: { userId: reader.id }, data: { status: "published" } });
    expect(await post(reader.id, "reader", "My second question")).toBe("published");
    const { user: author } = await userWithSession("author");
    expect(await post(author.id, "author", "An author's note")).toBe("published");
  });

  it("follows the moderation mode", async () => {
    const { user: reader } = await userWithSession("reader");
    await setSetting("moderationMode", "pre");
    await db.post.create({
      data: {
        articleId: (await db.article.findFirstOrThrow()).id,
        userId: reader.id,
        bodySource: "x",
        bodyHtml: "x",
        status: "published",
      },
    });
    expect(await post(reader.id, "reader", "Held in pre mode")).toBe("pending");
    await setSetting("moderationMode", "post");
    const { user: fresh } = await userWithSession("reader");
    expect(await post(fresh.id, "reader", "Published in post mode")).toBe("published");
    await setSetting("moderationMode", "first");
  });
});

describe("counting in a window", () => {
  it("counts requests at the same instant once each, refusing none under the limit and every one past it", async () => {
    for (let round = 0; round < 3; round++) {
      const key = `window-race-${round}-${Date.now()}`;
      const answers = await Promise.all(Array.from({ length: 12 }, () => takeFromWindow(key, 5, 60_000)));
      expect(answers.filter((a) => a === null)).toHaveLength(5);
      expect(answers.filter((a) => a instanceof Date)).toHaveLength(7);
    }
  });
});
