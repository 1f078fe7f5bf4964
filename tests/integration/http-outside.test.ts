// What a probe from outside found (issue 30), through the production server:
// a proxy that rewrites Host, slugs no header can hold, headers on resource
// routes, the reset limit's answer and a burst of posts with no guest cookie.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { NEW_VISITOR_FLAG, UNTIMED_FLAG } from "~/posts/intake.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { freePort } from "../../scripts/lib/free-port";
import { ARTICLE_PATH, askForm, newAddress } from "../support/visitors";

let server: AppServer;
let publicOrigin: string;

beforeAll(async () => {
  await seed();
  // As behind a proxy whose public address has a port the app does not listen on.
  const port = await freePort();
  publicOrigin = `http://localhost:${port}`;
  server = await startAppServer({ TRUST_PROXY: "1", SITE_URL: publicOrigin });
});
afterAll(async () => {
  await server?.stop();
});

/** A request with exactly these headers (fetch will not send another Host). */
function send(method: string, path: string, headers: Record<string, string>, body = "") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port: server.port,
          method,
          path,
          headers: { ...headers, "Content-Length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    },
  );
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("behind a proxy that rewrites Host", () => {
  it("stores a post whose Host lacks the port (nginx's $host) or is an internal name, answering no 500", async () => {
    for (const host of ["localhost", "afterword-internal:3001"]) {
      const text = `Sent through a proxy that says Host: ${host}, is it kept?`;
      const answer = await send(
        "POST",
        ARTICLE_PATH,
        { ...FORM, Host: host, Origin: publicOrigin, "X-Forwarded-For": newAddress(), "X-Forwarded-Proto": "http" },
        new URLSearchParams(askForm(text)).toString(),
      );
      expect(answer.status, answer.body.slice(0, 300)).toBe(302);
      const row = await db.post.findFirst({ where: { bodySource: text } });
      expect(row?.flags.split(",")).toEqual(expect.arrayContaining([UNTIMED_FLAG, NEW_VISITOR_FLAG]));
    }
  });

  it("takes a post with Origin: null and the site's Referer, and refuses another site's with 403, not 500", async () => {
    const text = "Sent with Origin null and a Referer of this site, is it kept?";
    const fine = await send(
      "POST",
      ARTICLE_PATH,
      { ...FORM, Host: "localhost", Origin: "null", Referer: `${publicOrigin}${ARTICLE_PATH}` },
      new URLSearchParams(askForm(text)).toString(),
    );
    expect(fine.status).toBe(302);
    const foreign = await send(
      "POST",
      ARTICLE_PATH,
      { ...FORM, Host: "localhost", Origin: "https://evil.example" },
      new URLSearchParams(askForm("From elsewhere, should be refused")).toString(),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatch(/sent from another site/);
  });
});

describe("addresses no header can hold", () => {
  it("answers the thread-feed address 404 for slugs of any character, and redirects a real one encoded", async () => {
    for (const slug of ["%E2%80%A8", "a%0d%0ab", "%C4%80", "%F0%9F%98%80", "%7F", "%C3%A9"]) {
      const answer = await send("GET", `/articles/${slug}/questions/1.atom`, { Host: "localhost" });
      expect(answer.status, slug).toBe(404);
    }
    const real = await send("GET", `/articles/${DEMO_ARTICLE}/questions/1.atom`, { Host: "localhost" });
    expect(real.status).toBe(302);
    expect(real.headers.location).toBe(`/articles/${DEMO_ARTICLE}/questions/1/feed.atom`);
  });
});

describe("headers of resource routes", () => {
  it("sends nosniff with the similar-question JSON and the feeds", async () => {
    for (const path of [
      `/articles/${DEMO_ARTICLE}/similar?q=contact`,
      `/articles/${DEMO_ARTICLE}/answers.atom`,
      `/articles/${DEMO_ARTICLE}/questions/1/feed.atom`,
    ]) {
      const answer = await send("GET", path, { Host: "localhost" });
      expect(answer.status, path).toBe(200);
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
    }
  });
});

describe("the reset limit's answer", () => {
  it("says when to try again in a Retry-After header", async () => {
    const from = newAddress();
    let last = { status: 0, headers: {} as Record<string, string | string[] | undefined>, body: "" };
    for (let i = 0; i < 6; i++) {
      last = await send(
        "POST",
        "/forgot-password",
        { ...FORM, Host: "localhost", Origin: publicOrigin, "X-Forwarded-For": from },
        new URLSearchParams({ email: `nobody-${i}@example.com` }).toString(),
      );
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("a burst with no guest cookie", () => {
  it("stores five of thirty posts sent at once from one address without cookies, not twenty-five", async () => {
    const address = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(
          "POST",
          ARTICLE_PATH,
          { ...FORM, Host: "localhost", Origin: publicOrigin, "X-Forwarded-For": address },
          new URLSearchParams(askForm(`A burst without a cookie, question number ${i}`)).toString(),
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const stored = await db.post.count({ where: { bodySource: { startsWith: "A burst without a cookie" } } });
    expect(stored).toBe(5);
  });
});
