// Part 3: concurrency, against the production server. Fifty posters flat out
// for 60 s (15 s in CI's quick run) while three moderators approve what is held;
// then every acknowledged post must be in the database, question numbers
// must run 1..last without a duplicate or a gap, and every reply count must
// match its thread's rows. Then the races on one visitor's rules: thirty
// posts at one instant held to the rate limit, twenty copies of one text stored once.
import { afterAll, beforeAll, describe, it } from "vitest";
import { db } from "~/db.server";
import { seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, askForm, sendForm, visitor } from "../support/visitors";
import { missingPosts, numberProblems, postingLoad, posters, raiseLimits, replyCountProblems } from "./load";
import { FULL, record } from "./tally";

let server: AppServer;

beforeAll(async () => {
  await seed();
  server = await startAppServer({ TRUST_PROXY: "1", DATABASE_POOL_SIZE: "10" });
});
afterAll(async () => {
  await server?.stop();
});

describe("concurrency", () => {
  it("keeps every acknowledged post of fifty posters, numbers and counts right", async () => {
    const started = Date.now();
    await raiseLimits(server.url);
    const everyone = await posters(50);
    const moderators = await Promise.all(
      [1, 2, 3].map(async () => visitor({ session: (await userWithSession("moderator")).cookie })),
    );
    const seconds = FULL ? 60 : 15;
    const deadline = Date.now() + seconds * 1000;
    const load = await postingLoad(
      () => server.url,
      everyone,
      () => Date.now() > deadline,
      moderators,
    );
    console.log(
      `50 posters for ${seconds} s: ${load.acknowledged.length} posts acknowledged ` +
        `(${(load.acknowledged.length / seconds).toFixed(1)}/s), ${load.refused} refused, ` +
        `${load.unanswered} unanswered, ${load.approved} approved by three moderators`,
    );
    const unanswered = Array.from({ length: load.unanswered }, () => "a post got no answer");
    record(
      "3",
      "50 posters: acknowledged posts stored",
      load.acknowledged.length,
      [...(await missingPosts(load.acknowledged)), ...unanswered],
      started,
    );
    const numbers = await numberProblems();
    record("3", "50 posters: question numbers, no duplicate or gap", numbers.checked, numbers.problems, started);
    const counts = await replyCountProblems();
    record("3", "50 posters: reply counts match the rows", counts.checked, counts.problems, started);
  });

  it("holds one visitor's thirty posts sent at one instant to the rate limit of 5", async () => {
    const started = Date.now();
    await raiseLimits(server.url, { rateLimit: "5", rateWindowMinutes: "10" });
    const guestKey = `burst-${Date.now()}`;
    const as = await visitor({ guestKey });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sendForm(server.url, ARTICLE_PATH, askForm(`Burst question ${i}`), as)),
    );
    const accepted = responses.filter((r) => r.status === 302).length;
    const stored = await db.post.count({ where: { guestKey } });
    const problems = [
      ...(accepted === 5 ? [] : [`${accepted} of 30 accepted`]),
      ...(stored === 5 ? [] : [`${stored} stored`]),
      ...responses.filter((r) => r.status !== 302 && r.status !== 429).map((r) => `answered ${r.status}`),
    ];
    record("3", "one visitor's 30 posts at once: rate limit of 5 held", 30, problems, started);
  });

  it("stores one of twenty copies of a text sent at one instant", async () => {
    const started = Date.now();
    const guestKey = `twins-${Date.now()}`;
    const as = await visitor({ guestKey });
    const text = "Is it normal to miss them more in the second week than in the first?";
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => sendForm(server.url, ARTICLE_PATH, askForm(text), as)),
    );
    const stored = await db.post.count({ where: { guestKey, bodySource: text } });
    const problems = [
      ...(stored === 1 ? [] : [`${stored} copies stored`]),
      ...responses.filter((r) => ![302, 409, 429].includes(r.status)).map((r) => `answered ${r.status}`),
    ];
    record("3", "20 copies of one text at once: one stored", 20, problems, started);
  });
});
