// Email end to end against a real SMTP server: the outbox rows written with
// the events, the sender's lease and retries, confirmation before anything
// else, the notifications' headers, and one-click unsubscribe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestReset, resetPassword } from "~/mail/password-reset.server";
import { action as resetAction } from "~/routes/reset-password";
import { flashCookie } from "~/security/cookies.server";
import { hashPassword } from "~/auth/passwords.server";
import { db } from "~/db.server";
import { writeDueDigests } from "~/moderation/digest.server";
import { sendDue } from "~/mail/sender.server";
import { confirmAddress } from "~/mail/subscriptions.server";
import { moderate } from "~/moderation/moderate.server";
import { submitPost } from "~/posts/intake.server";
import type { Visitor } from "~/auth/visitor.server";
import { action as articleAction } from "~/routes/articles.$slug/route";
import { action as oneClick } from "~/routes/subscriptions.unsubscribe";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type TestSmtp, startSmtp, tokenIn } from "../support/smtp";
import { userWithSession } from "../support/users";
import { accountVisitor, guestVisitor, refusalOf, refusalStatus } from "../support/factories";

let smtp: TestSmtp;
let article: { id: string; slug: string };
let author: { id: string; role: string };
let moderator: { id: string; role: string };
const guest = () => guestVisitor();
const account = (user: { id: string; role: string }) => accountVisitor(user);
/** A minute and more from now: what waited out an undo's minute is due. */
const later =
  (ms = 61_000) =>
  () =>
    new Date(Date.now() + ms);

async function post(fields: Record<string, string>, visitor: Visitor) {
  const result = await submitPost(article, fields, visitor);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.post;
}
const send = () => sendDue({ transport: smtp.transport, now: later() });
/** A header as the message carries it (mailparser folds the List-* headers into one object). */
const header = (mail: { headerLines: readonly { key: string; line: string }[] }, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(new RegExp(`^${name}:\\s*`, "i"), "") ?? null;
const to = (address: string) => smtp.received.filter((m) => m.to && "text" in m.to && m.to.text.includes(address));

beforeAll(async () => {
  await seed();
  smtp = await startSmtp();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
  const nora = await db.user.findUniqueOrThrow({ where: { email: "nora@afterword.example" } });
  author = { id: nora.id, role: nora.role };
  moderator = (await userWithSession("moderator")).user;
  await send(); // nothing from the seed is waiting
  smtp.received.length = 0;
});

afterAll(async () => {
  await smtp.close();
});

describe("mail", () => {
  it("confirms a guest's address first, then tells the asker and a follower of the author's answer", async () => {
    // A signed-in reader asks and follows; a guest follows the thread from a reply.
    const reader = (await userWithSession("reader", { email: "rita@example.com" })).user;
    const question = await post(
      { body: "How do I stop checking her profile every night?", section: "article", subscribe: "on" },
      account(reader),
    );
    await moderate(moderator, "approve", question.id);
    await post(
      {
        name: "Gail",
        email: "gail@example.com",
        body: "Same here, following.",
        parentId: String(question.id),
        subscribe: "on",
      },
      guest(),
    );
    await send();
    // The guest's address gets the confirmation, and nothing else.
    expect(to("gail@example.com").map((m) => m.subject)).toEqual(["Please confirm your email address for Afterword"]);
    // The confirmation names what is followed: the question and the article.
    expect(to("gail@example.com")[0].text).toMatch(/about question \d+ on “[^”]+”: when the author answers/);
    expect(await confirmAddress(tokenIn(to("gail@example.com")[0], "/subscriptions/confirm"))).toMatchObject({
      address: "gail@example.com",
    });

    await post(
      {
        body: "Mute her for the thirty days; checking restarts the count. See §how-long and #2.",
        parentId: String(question.id),
      },
      account(author),
    );
    await send();
    for (const address of ["rita@example.com", "gail@example.com"]) {
      const [answer] = to(address).filter((m) => m.subject?.includes("answered"));
      expect(answer, address).toBeDefined();
      expect(answer.subject).toMatch(/^Nora Whitfield answered question \d+ on “/);
      // Multipart: plain text and HTML, with the one-click unsubscribe headers of RFC 8058.
      expect(answer.text).toContain("Mute her for the thirty days");
      // The plain text says what the page shows for references: the section's title, the asker, and their addresses.
      expect(answer.text).not.toMatch(/§how-long|[^(]#2\b/);
      expect(answer.text).toMatch(/How long should no contact last\? \(http:\/\/[^)]+#how-long\)/);
      expect(answer.text).toMatch(/’s question \(#2\) \(http:\/\/[^)]+\/questions\/2\)/);
      expect(answer.html).toContain("Post author");
      expect(header(answer, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      expect(String(header(answer, "list-unsubscribe"))).toMatch(/\/subscriptions\/unsubscribe\?token=[a-z2-7]{32}/);
      expect(answer.messageId).toMatch(/^<.+@.+>$/);
    }
    // Nobody is told of their own post: the author got nothing.
    expect(to("nora@afterword.example")).toEqual([]);
  });

  it("holds everything for an unconfirmed address, and sends only the confirmation", async () => {
    const question = await post(
      {
        name: "Uma",
        email: "uma@example.com",
        body: "Is it normal to miss the arguments too?",
        section: "article",
        subscribe: "on",
      },
      guest(),
    );
    await moderate(moderator, "approve", question.id);
    await post(
      { body: "Yes: you miss the closeness that came with them.", parentId: String(question.id) },
      account(author),
    );
    await send();
    expect(to("uma@example.com").map((m) => m.subject)).toEqual(["Please confirm your email address for Afterword"]);
    expect(await db.outboxEmail.count({ where: { toAddress: "uma@example.com", status: "held" } })).toBe(1);
    await confirmAddress(tokenIn(to("uma@example.com")[0], "/subscriptions/confirm"));
    await send();
    expect(to("uma@example.com").map((m) => m.subject)).toEqual([
      "Please confirm your email address for Afterword",
      expect.stringMatching(/^Nora Whitfield answered/),
    ]);
  });

  it("sends readers' replies together, at most one email an hour per thread and address", async () => {
    const reader = (await userWithSession("reader", { email: "hana@example.com" })).user;
    const question = await post(
      { body: "How do I answer when friends ask how he is?", section: "article", subscribe: "on" },
      account(reader),
    );
    await moderate(moderator, "approve", question.id);
    for (const [name, text] of [
      ["Ivo", "Say you are not in touch, and change the subject."],
      ["Jun", "I just say 'we don't talk' and smile."],
    ]) {
      const reply = await post({ name, body: text, parentId: String(question.id) }, guest());
      await moderate(moderator, "approve", reply.id);
    }
    await send();
    const first = to("hana@example.com");
    expect(first.map((m) => m.subject)).toEqual([expect.stringMatching(/^2 new replies in question \d+ on “/)]);
    expect(first[0].text).toContain("Say you are not in touch");
    expect(first[0].text).toMatch(/we don[’']t talk/); // as the page shows it
    // A third, soon after: it waits for the hour since the last email.
    const third = await post({ name: "Kit", body: "Keep it short, always.", parentId: String(question.id) }, guest());
    await moderate(moderator, "approve", third.id);
    await send();
    expect(to("hana@example.com")).toHaveLength(1);
    await sendDue({ transport: smtp.transport, now: later(61 * 60_000) });
    expect(to("hana@example.com").map((m) => m.subject)[1]).toMatch(/^Kit replied in question \d+/);
  });

  it("tells the writer of a rejected post the moderator's reason", async () => {
    const writer = (await userWithSession("reader", { email: "ron@example.com" })).user;
    const question = await post(
      { body: "Where can I download the paid course for free?", section: "article" },
      account(writer),
    );
    await moderate(moderator, "reject", question.id, { reason: "It is advertising" });
    // Not before the minute in which the decision may be undone.
    await sendDue({ transport: smtp.transport });
    expect(to("ron@example.com")).toEqual([]);
    await send();
    const [mail] = to("ron@example.com");
    expect(mail.subject).toMatch(/^Your question on “.+” was not published$/);
    expect(mail.text).toContain("The moderator’s reason: It is advertising.");
  });

  it("stops a subscription with the one-click POST, without cookies, as often as it is sent", async () => {
    const reader = (await userWithSession("reader", { email: "otto@example.com" })).user;
    const question = await post(
      { body: "Should I return the books she lent me?", section: "article", subscribe: "on" },
      account(reader),
    );
    await moderate(moderator, "approve", question.id);
    await post({ body: "Post them, with no note.", parentId: String(question.id) }, account(author));
    await send();
    const [answer] = to("otto@example.com");
    const url = String(header(answer, "list-unsubscribe")).replace(/^<|>$/g, "");
    for (let i = 0; i < 2; i++) {
      const request = new Request(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      const response = (await oneClick({ request, params: {}, context: {} })) as Response;
      expect(response.status).toBe(200);
    }
    await post({ body: "And keep a photo of the receipt.", parentId: String(question.id) }, account(author));
    await send();
    expect(to("otto@example.com")).toHaveLength(1);
  });

  it("keeps mail while the SMTP server refuses it, and delivers each exactly once when it is back", async () => {
    const reader = (await userWithSession("reader", { email: "fay@example.com" })).user;
    const question = await post(
      { body: "What if we share a dog and have to meet every week?", section: "article", subscribe: "on" },
      account(reader),
    );
    await moderate(moderator, "approve", question.id);
    smtp.refusing = true;
    for (const text of ["Handovers at the door, five minutes.", "Keep the talk to the dog."]) {
      await post({ body: text, parentId: String(question.id) }, account(author));
    }
    const refused = await send();
    expect(refused).toEqual({ sent: 0, failed: 2 });
    const waiting = await db.outboxEmail.findMany({ where: { toAddress: "fay@example.com" } });
    expect(waiting.map((w) => [w.status, w.attempts, w.lastError !== null])).toEqual([
      ["pending", 1, true],
      ["pending", 1, true],
    ]);
    smtp.refusing = false;
    // Not retried before its delay; then once each.
    expect(await send()).toEqual({ sent: 0, failed: 0 });
    expect(await sendDue({ transport: smtp.transport, now: later(5 * 60_000) })).toEqual({ sent: 2, failed: 0 });
    expect(await sendDue({ transport: smtp.transport, now: later(60 * 60_000) })).toEqual({ sent: 0, failed: 0 });
    const got = to("fay@example.com");
    expect(got).toHaveLength(2);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(2);
  });

  it("sends the author's answers in every thread to an address that follows the whole article", async () => {
    const request = new Request(`http://localhost/articles/${DEMO_ARTICLE}`, {
      method: "POST",
      headers: { Origin: "http://localhost", Host: "localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "follow", email: "Wes@Example.com", returnTo: `/articles/${DEMO_ARTICLE}` }),
    });
    const response = (await articleAction({ request, params: { slug: DEMO_ARTICLE }, context: {} })) as Response;
    expect(response.status).toBe(302);
    await send();
    await confirmAddress(tokenIn(to("wes@example.com")[0], "/subscriptions/confirm"));
    const question = await db.post.findFirstOrThrow({ where: { article: { slug: DEMO_ARTICLE }, number: 4 } });
    await post(
      { body: "An answer the whole article's followers get.", parentId: String(question.id) },
      account(author),
    );
    await send();
    expect(to("wes@example.com").map((m) => m.subject)).toEqual([
      "Please confirm your email address for Afterword",
      "Nora Whitfield answered question 4 on “" +
        (await db.article.findFirstOrThrow({ where: { slug: DEMO_ARTICLE } })).title +
        "”",
    ]);
  });

  it("sends again, with the same Message-ID, a row whose sender stopped mid-send", async () => {
    const row = await db.outboxEmail.create({
      data: {
        kind: "confirm",
        toAddress: "crash@example.com",
        subject: "Sent twice?",
        textBody: "Text",
        htmlBody: "<p>Text</p>",
        messageId: "<crash-1@afterword.test>",
        // Claimed by an instance that died: its lease ran out a minute ago.
        leaseUntil: new Date(Date.now() - 60_000),
        leasedBy: "dead-instance",
      },
    });
    expect(await sendDue({ transport: smtp.transport, owner: "survivor" })).toEqual({ sent: 1, failed: 0 });
    expect(to("crash@example.com").map((m) => m.messageId)).toEqual(["<crash-1@afterword.test>"]);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent" });
  });

  it("mails a single-use password link, valid for an hour, saying the same for an address with no account", async () => {
    const { user } = await userWithSession("reader", { email: "pia@example.com" });
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("an old long passphrase") },
    });
    const ask = async (email: string, address: string) => {
      const request = await requestReset(email, address);
      await request.sending;
      return request.retryAt;
    };
    expect(await ask("pia@example.com", "reset-addr-1")).toBeNull();
    expect(await ask("nobody-here@example.com", "reset-addr-1")).toBeNull();
    await sendDue({ transport: smtp.transport });
    expect(to("nobody-here@example.com")).toEqual([]);
    const [mail] = to("pia@example.com");
    expect(mail.subject).toBe("Choose a new password for Afterword");
    const token = tokenIn(mail, "/reset-password");
    expect(await refusalOf(resetPassword(token, "short"))).toMatchObject({
      status: 400,
      fields: { password: expect.stringMatching(/10/) },
    });
    expect(await resetPassword(token, "a brand new passphrase")).toBe(user.id);
    // Once only; and every session of the account ended.
    expect(await refusalStatus(resetPassword(token, "another new passphrase"))).toBe(410);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // Five requests from one address in a window come freely; then it waits until the window ends.
    for (let i = 0; i < 4; i++) await ask(`someone-${i}@example.com`, "reset-addr-2");
    expect(await ask("someone-else@example.com", "reset-addr-2")).toBeNull();
    expect(await ask("someone-more@example.com", "reset-addr-2")).toBeInstanceOf(Date);
    // The limit forgets: once the window has passed (the clock moved on), the address may ask again.
    await db.signInThrottle.update({
      where: { key: "reset-address:reset-addr-2" },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await ask("someone-more@example.com", "reset-addr-2")).toBeNull();
  });

  it("says, after the new password, that it changed and that other devices were signed out", async () => {
    await userWithSession("reader", { email: "told@example.com" });
    await requestReset("told@example.com", "reset-addr-4").then((r) => r.sending);
    await sendDue({ transport: smtp.transport });
    const token = tokenIn(to("told@example.com")[0], "/reset-password");
    const request = new Request("http://localhost/reset-password", {
      method: "POST",
      headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, password: "a fresh and long passphrase" }),
    });
    const response = (await resetAction({ request, params: {}, context: {} })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");
    const flash = response.headers.getSetCookie().find((c) => c.startsWith("aw_flash="))!;
    const said = await (await flashCookie()).parse(flash.split(";")[0]);
    expect(said.message).toBe("Your password is changed, and you are signed in. Every other device was signed out.");
  });

  it("ends every other reset link when one is used", async () => {
    const { user } = await userWithSession("reader", { email: "twice@example.com" });
    await requestReset("twice@example.com", "reset-addr-3").then((r) => r.sending);
    await requestReset("twice@example.com", "reset-addr-3").then((r) => r.sending);
    await sendDue({ transport: smtp.transport });
    const [first, second] = to("twice@example.com").map((m) => tokenIn(m, "/reset-password"));
    expect(first).not.toBe(second);
    expect(await resetPassword(second, "the second link's passphrase")).toBe(user.id);
    expect(await refusalStatus(resetPassword(first, "the first link's passphrase"))).toBe(410);
  });

  it("mails a link to an account with no password yet, such as an author the import made", async () => {
    const author = await db.user.create({
      data: { email: "imported-author@example.com", displayName: "Imported", role: "author", passwordHash: null },
    });
    await requestReset("imported-author@example.com", "reset-addr-4").then((r) => r.sending);
    await sendDue({ transport: smtp.transport });
    const [mail] = to("imported-author@example.com");
    expect(mail?.subject).toBe("Choose a new password for Afterword");
    expect(await resetPassword(tokenIn(mail, "/reset-password"), "an imported author's passphrase")).toBe(author.id);
  });

  it("never locks the owner out: someone else's requests for their address leave them a working link", async () => {
    const { user } = await userWithSession("reader", { email: "victim@example.com" });
    // Someone asks for the victim's address over and over, from many addresses.
    for (let i = 0; i < 30; i++) await requestReset("victim@example.com", `attacker-${i % 6}`).then((r) => r.sending);
    await sendDue({ transport: smtp.transport });
    // Their inbox is not flooded…
    expect(to("victim@example.com").length).toBeLessThanOrEqual(3);
    // …and the owner, asking from their own address, is answered as usual and has a link that works.
    const own = await requestReset("victim@example.com", "owner-address");
    await own.sending;
    expect(own.retryAt).toBeNull();
    await sendDue({ transport: smtp.transport });
    const newest = to("victim@example.com").at(-1)!;
    expect(await resetPassword(tokenIn(newest, "/reset-password"), "the owner's own passphrase")).toBe(user.id);
  });

  it("sends a moderator who chose one the queue digest, once per period whatever the instances, until stopped", async () => {
    const { user } = await userWithSession("moderator", { email: "dora@example.com" });
    await db.user.update({ where: { id: user.id }, data: { queueDigest: "hourly" } });
    await post(
      { name: "Waiting Wil", body: "A question that waits in the queue for the digest.", section: "article" },
      guest(),
    );
    // Two instances look at once: one digest.
    const written = await Promise.all([writeDueDigests(), writeDueDigests()]);
    expect(written[0] + written[1]).toBe(1);
    expect(await writeDueDigests()).toBe(0);
    await sendDue({ transport: smtp.transport });
    const [digest] = to("dora@example.com");
    expect(digest.subject).toMatch(/^The moderation queue: \d+ pending, \d+ reported$/);
    expect(digest.text).toMatch(/The oldest has waited/);
    const stop = String(header(digest, "list-unsubscribe")).replace(/^<|>$/g, "");
    const response = (await oneClick({
      request: new Request(stop, { method: "POST" }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).queueDigest).toBeNull();
  });

  it("lets two senders on one database send each row once", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      kind: "confirm",
      toAddress: `pair-${i}@example.com`,
      subject: `Pair ${i}`,
      textBody: "Text",
      htmlBody: "<p>Text</p>",
      messageId: `<pair-${i}-${Date.now()}@afterword.test>`,
    }));
    await db.outboxEmail.createMany({ data: rows });
    const results = await Promise.all([
      sendDue({ transport: smtp.transport, owner: "instance-a" }),
      sendDue({ transport: smtp.transport, owner: "instance-b" }),
    ]);
    expect(results[0].sent + results[1].sent).toBe(30);
    const pairs = smtp.received.filter((m) => m.subject?.startsWith("Pair "));
    expect(pairs).toHaveLength(30);
    expect(new Set(pairs.map((m) => m.messageId)).size).toBe(30);
  });
});
