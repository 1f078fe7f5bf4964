// Part 9: tokens. Password reset links through the production server: using
// one ends every other; /forgot-password takes the same time whether or not
// an account uses the address (50 tries each, compared with a Mann-Whitney U
// test: no difference at p < 0.01); and an owner is never locked out by
// someone else's requests for their address. Failed: an old link that still
// works, a difference in time, or an owner without a working link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { userWithSession } from "../support/users";
import { newAddress } from "../support/visitors";
import { record } from "./tally";

let server: AppServer;
beforeAll(async () => {
  await seed();
  // The outbox sender's rounds (every 5 s, whatever is due) would land on random requests of either kind: they are
  // the sender's time, not the answer's, and a deployment may run them on another instance. The links are read from
  // the outbox itself.
  server = await startAppServer({ TRUST_PROXY: "1", MAIL_SENDER: "0" });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function forgot(email: string, address = newAddress()) {
  return fetch(`${server.url}/forgot-password`, {
    method: "POST",
    body: new URLSearchParams({ email }),
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
    redirect: "manual",
  });
}

function reset(token: string, password: string) {
  return fetch(`${server.url}/reset-password`, {
    method: "POST",
    body: new URLSearchParams({ token, password }),
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
}

/** The reset links queued for `email`, oldest first, once the answers' background work has written them. */
async function linksFor(email: string, atLeast: number): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const rows = await db.outboxEmail.findMany({
      where: { toAddress: email, kind: "reset" },
      orderBy: { id: "asc" },
      select: { textBody: true },
    });
    if (rows.length >= atLeast) return rows.map((r) => /reset-password\?token=([a-z2-7]+)/.exec(r.textBody)![1]);
    await wait(100);
  }
  throw new Error(`fewer than ${atLeast} reset emails to ${email}`);
}

/** Two-sided p of a Mann-Whitney U test (normal approximation with the tie correction). */
export function mannWhitneyP(a: number[], b: number[]): number {
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(all.length);
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j++;
    for (let k = i; k <= j; k++) ranks[k] = (i + j) / 2 + 1;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  const n1 = a.length;
  const n2 = b.length;
  const r1 = all.reduce((sum, item, i) => sum + (item.g === 0 ? ranks[i] : 0), 0);
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const n = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (Math.abs(u - mean) - 0.5) / sd;
  // 2 · (1 − Φ(|z|)), with Φ from the complementary error function (Abramowitz and Stegun 7.1.26).
  const x = Math.max(0, z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return Math.min(1, erfc);
}

describe("reset tokens", () => {
  it("checks its own statistics", () => {
    const same = Array.from({ length: 50 }, (_, i) => 20 + (i % 7));
    expect(mannWhitneyP(same, [...same].reverse())).toBeGreaterThan(0.5);
    const slower = same.map((v) => v + 8);
    expect(mannWhitneyP(same, slower)).toBeLessThan(1e-6);
  });

  it("ends every other reset link when one is used", async () => {
    const started = Date.now();
    const problems: string[] = [];
    const tries = 5;
    for (let i = 0; i < tries; i++) {
      const { user } = await userWithSession("reader", { email: `links-${i}-${Date.now()}@example.com` });
      for (let k = 0; k < 3; k++) await forgot(user.email);
      const links = await linksFor(user.email, 3);
      const used = await reset(links[1], `a new passphrase number ${i}`);
      if (used.status !== 302) problems.push(`try ${i}: the second link answered ${used.status}`);
      for (const k of [0, 2]) {
        const old = await reset(links[k], `another passphrase number ${i}`);
        if (old.status !== 410)
          problems.push(`try ${i}: link ${k + 1} still answered ${old.status} after link 2 was used`);
      }
    }
    record("9", "tokens: a reset ends every other reset link", tries, problems, started);
  });

  it("takes the same time for an address with an account and one without", async () => {
    const started = Date.now();
    const known: string[] = [];
    for (let i = 0; i < 10; i++)
      known.push((await userWithSession("reader", { email: `timed-${i}-${Date.now()}@example.com` })).user.email);
    // In pairs, one of each kind in a random order, so that a slower moment of the machine falls on both alike.
    const order = Array.from({ length: 50 }, () => (Math.random() < 0.5 ? [true, false] : [false, true])).flat();
    // Warm up the route first, so that the first tries are not the slow ones for either kind.
    for (let i = 0; i < 10; i++) await (await forgot(`warm-${i}@example.com`)).arrayBuffer();
    const times: { known: number[]; unknown: number[] } = { known: [], unknown: [] };
    const problems: string[] = [];
    for (const [i, isKnown] of order.entries()) {
      const email = isKnown ? known[i % known.length] : `nobody-${i}-${Date.now()}@example.com`;
      await wait(80); // the previous answer's email is written meanwhile
      const begin = performance.now();
      const answer = await forgot(email);
      const body = await answer.text();
      const ms = performance.now() - begin;
      if (answer.status !== 200 || !body.includes("If an account uses")) problems.push(`${email}: ${answer.status}`);
      (isKnown ? times.known : times.unknown).push(ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const p = mannWhitneyP(times.known, times.unknown);
    console.log(
      `forgot-password: median ${median(times.known).toFixed(1)} ms with an account, ${median(times.unknown).toFixed(1)} ms without; p = ${p.toPrecision(3)}`,
    );
    if (p < 0.01) problems.push(`the times differ: p = ${p.toPrecision(3)}`);
    record("9", "tokens: /forgot-password timing, known vs unknown (p ≥ 0.01)", 100, problems, started);
  });

  it("never locks the owner out by someone else's requests", async () => {
    const started = Date.now();
    const problems: string[] = [];
    const tries = 3;
    for (let i = 0; i < tries; i++) {
      const { user } = await userWithSession("reader", { email: `owner-${i}-${Date.now()}@example.com` });
      // Someone asks for the owner's address 40 times, from one address and then from many.
      const attacker = newAddress();
      for (let k = 0; k < 20; k++) await (await forgot(user.email, attacker)).arrayBuffer();
      for (let k = 0; k < 20; k++) await (await forgot(user.email)).arrayBuffer();
      // The owner asks from their own address: answered as anyone is, and a link in their inbox works.
      const own = await forgot(user.email);
      if (own.status !== 200) problems.push(`try ${i}: the owner was answered ${own.status}`);
      const links = await linksFor(user.email, 1);
      if (links.length > 4) problems.push(`try ${i}: ${links.length} emails reached the owner's inbox`);
      const used = await reset(links.at(-1)!, `the owner's passphrase ${i}`);
      if (used.status !== 302) problems.push(`try ${i}: the owner's newest link answered ${used.status}`);
    }
    record("9", "tokens: an owner is never locked out by others' requests", tries, problems, started);
  });
});
