// REQUIRE_VERIFIED_EMAIL=1: a new account's posts wait for a moderator until
// its email is confirmed by the link sent at sign-up; then they follow the
// moderation mode as usual. The production server, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { setSetting } from "~/settings/settings.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { sendForm, visitor } from "../support/visitors";

let server: AppServer;
beforeAll(async () => {
  await seed();
  // Readers publish at once: only the unconfirmed email holds a post.
  await setSetting("moderationMode", "post");
  await setSetting("minSecondsToPost", 0);
  server = await startAppServer({ REQUIRE_VERIFIED_EMAIL: "1", TRUST_PROXY: "1" });
}, 60_000);
afterAll(() => server?.stop());

describe("REQUIRE_VERIFIED_EMAIL", () => {
  it("holds a new account's posts until the link sent at sign-up is opened", async () => {
    const email = `verify-${Date.now()}@example.com`;
    const signUp = await sendForm(
      server.url,
      "/signup",
      { name: "Vera", email, password: "a patient heron by the lake" },
      await visitor({}),
    );
    expect(signUp.status).toBe(302);
    const session = signUp.headers
      .getSetCookie()
      .find((c) => c.startsWith("aw_session="))!
      .split(";")[0];
    const reader = await visitor({ session });
    const ask = (body: string) =>
      sendForm(server.url, `/articles/${DEMO_ARTICLE}`, { intent: "ask", body, section: "article" }, reader);

    expect((await ask("Held until my email is confirmed?")).status).toBe(302);
    const held = await db.post.findFirstOrThrow({ where: { user: { email } }, orderBy: { id: "desc" } });
    expect(held.status).toBe("pending");
    expect(held.flags.split(",")).toContain("email not confirmed");

    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, kind: "confirm" } });
    expect(mail.subject).toBe("Confirm the email address of your Afterword account");
    const link = /\/subscriptions\/confirm\?token=[a-z2-7]+/.exec(mail.textBody)![0];
    expect((await fetch(server.url + link)).status).toBe(200);

    expect((await ask("Published now that it is confirmed?")).status).toBe(302);
    const next = await db.post.findFirstOrThrow({ where: { user: { email } }, orderBy: { id: "desc" } });
    expect(next.status).toBe("published");
  });
});
