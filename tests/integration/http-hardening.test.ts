// What a client on the network sees of the production server: redirects that
// stay on this site, a CSP nonce no reader can write, sessions that end with
// a password change, origins compared scheme and all, and malformed requests
// answered 4xx (never 500), with keep-alive connections left usable.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/passwords.server";
import { db } from "~/db.server";
import { OPEN_POST_PATHS } from "~/security/same-origin.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { rawExchange } from "../support/raw-http";
import { fill, routeCatalog } from "../support/route-catalog";
import { userWithSession } from "../support/users";

let server: AppServer;
let questionId: number;

beforeAll(async () => {
  await seed();
  server = await startAppServer();
  const question = await db.post.findFirstOrThrow({
    where: { article: { slug: DEMO_ARTICLE }, parentId: null, status: "published" },
  });
  questionId = question.id;
});
afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers, redirect: "manual" });
const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { method: "POST", body, headers: { Origin: server.url, ...headers }, redirect: "manual" });
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

async function readerWithPassword(password = "correct horse battery staple") {
  const email = `reader-${Math.random().toString(36).slice(2)}@example.com`;
  await db.user.create({ data: { email, displayName: "Pass Word", passwordHash: await hashPassword(password) } });
  return { email, password };
}

/** Where a Location header sends a browser that is on this site. */
const landsOn = (location: string | null) => new URL(location ?? "", server.url);

describe("redirects after signing in stay on this site", () => {
  const hostile = ["/%09/evil.test", "/%0A/evil.test", "/%5C/evil.test", "//evil.test", "/%2F/evil.test", "/%0D/x"];

  it("for a visitor who is already signed in", async () => {
    const { cookie } = await userWithSession("reader");
    for (const target of hostile) {
      const response = await get(`/login?redirectTo=${target}`, { Cookie: cookie });
      expect(response.status, target).toBe(302);
      expect(landsOn(response.headers.get("Location")).origin, target).toBe(server.url);
    }
  });

  it("for the sign-in form, and no session is made for a request that fails", async () => {
    const { email, password } = await readerWithPassword();
    for (const target of hostile) {
      const response = await post("/login", form({ email, password, redirectTo: decodeURIComponent(target) }), {
        "Content-Type": "application/x-www-form-urlencoded",
      });
      expect(response.status, target).toBe(302);
      expect(landsOn(response.headers.get("Location")).origin, target).toBe(server.url);
    }
    const fine = await post("/login", form({ email, password, redirectTo: "/account?tab=1#x" }), {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(fine.headers.get("Location")).toBe("/account?tab=1#x");
  });
});

describe("sessions and origins", () => {
  it("ends every other session of the account when its password is changed", async () => {
    const { email, password } = await readerWithPassword();
    const signIn = async () => {
      const response = await post("/login", form({ email, password, redirectTo: "/" }), {
        "Content-Type": "application/x-www-form-urlencoded",
      });
      return response.headers.get("Set-Cookie")!.split(";")[0];
    };
    const here = await signIn();
    const elsewhere = await signIn();
    const changed = await post(
      "/account",
      form({ intent: "password", currentPassword: password, password: "a brand new passphrase 2026" }),
      { "Content-Type": "application/x-www-form-urlencoded", Cookie: here },
    );
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("1 other session was signed out");
    expect((await get("/account", { Cookie: here })).status).toBe(200);
    const other = await get("/account", { Cookie: elsewhere });
    expect(other.status).toBe(302);
    expect(other.headers.get("Location")).toMatch(/^\/login/);
  });

  it("refuses a post whose Origin has this host but another scheme", async () => {
    const { cookie } = await userWithSession("admin");
    const https = server.url.replace("http:", "https:");
    for (const path of actionPaths().filter((p) => !OPEN_POST_PATHS.includes(p))) {
      const response = await fetch(server.url + path, {
        method: "POST",
        body: form({ intent: "ask", body: "x" }),
        headers: { Origin: https, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      });
      expect(response.status, path).toBe(403);
    }
  });

  it("takes the one-click unsubscribe from any site, with no cookie: the token alone decides", async () => {
    for (const origin of ["https://mail.example", null]) {
      const response = await fetch(`${server.url}/subscriptions/unsubscribe?token=abcdefghijklmnopqrstuvwxyz234567`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { ...(origin ? { Origin: origin } : {}), "Content-Type": "application/x-www-form-urlencoded" },
      });
      // Not refused as cross-site: answered by the route, which knows no such token.
      expect(response.status).toBe(410);
    }
  });
});

/**
 * Every address that takes a POST, from the route files themselves, so that a
 * new route is tried without editing this test.
 */
function actionPaths(): string[] {
  const values = { slug: DEMO_ARTICLE, number: "1", id: String(questionId) };
  return routeCatalog()
    .filter((route) => route.action)
    .map((route) => fill(route.pattern, values) + (route.pattern === "/moderation" ? "?index" : ""));
}

describe("malformed requests answer 4xx, never 500", () => {
  const bodies: [string, string | null, BodyInit | null][] = [
    ["JSON", "application/json", JSON.stringify({ intent: "ask", body: "hello" })],
    ["plain text", "text/plain", "intent=ask&body=hello"],
    ["XML", "application/xml", "<post><intent>ask</intent></post>"],
    ["multipart without boundary", "multipart/form-data", "--x\r\n\r\n"],
    ["no Content-Type", null, null],
    ["a broken multipart body", "multipart/form-data; boundary=zzz", "--zzz\r\nnot a part"],
  ];

  it("for every action, whatever the body", async () => {
    const paths = actionPaths();
    expect(paths.length).toBeGreaterThanOrEqual(12);
    const answers: string[] = [];
    for (const path of paths) {
      for (const [kind, type, body] of bodies) {
        const { cookie } = await userWithSession("admin");
        const headers: Record<string, string> = { Cookie: cookie };
        if (type) headers["Content-Type"] = type;
        const response = await post(path, body ?? new Uint8Array(), headers);
        if (type === null) {
          // fetch labels a body by itself; send one with no Content-Type at all.
          const raw = await rawRequest(
            `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\nCookie: ${cookie}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
          );
          answers.push(`${path} ${kind} (raw): ${raw.status}`);
        }
        answers.push(`${path} ${kind}: ${response.status}`);
      }
    }
    const bad = answers.filter((line) => !/: 4\d\d$/.test(line));
    expect(bad).toEqual([]);
  });

  it("for a post to a page that takes none: 405, and no stack trace in the log for a client's mistake", async () => {
    const before = server.output().length;
    for (const path of ["/", "/healthz", "/moderation/log", `/articles/${DEMO_ARTICLE}/posts/${questionId}`]) {
      const { cookie } = await userWithSession("admin");
      const response = await post(path, form({ intent: "anything" }), { Cookie: cookie });
      expect([path, response.status]).toEqual([path, 405]);
    }
    expect(server.output().slice(before)).not.toMatch(/Error|at /);
  });

  it("for a report whose post id is not a number", async () => {
    for (const postId of ["abc", "NaN", "1e309", "{}", "", "-1", "1.5"]) {
      const response = await post(
        `/articles/${DEMO_ARTICLE}`,
        form({ intent: "report", postId, reason: "Off topic" }),
        {
          "Content-Type": "application/x-www-form-urlencoded",
        },
      );
      expect(response.status, postId).toBe(400);
    }
  });

  it("for templates and protected sources with a missing or malformed id", async () => {
    const { cookie } = await userWithSession("admin");
    for (const path of ["/author/protected", "/author/templates"]) {
      for (const id of [null, "abc", "1e309", "-3", "99999999999999999999"]) {
        const fields: Record<string, string> = { intent: "archive" };
        if (id !== null) fields.id = id;
        const response = await post(path, form(fields), {
          Cookie: cookie,
          "Content-Type": "application/x-www-form-urlencoded",
        });
        expect(response.status, `${path} ${id}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${path} ${id}`).toBeLessThan(500);
      }
    }
  });

  it("for page numbers that are not page numbers", async () => {
    const { cookie } = await userWithSession("admin");
    for (const path of ["/moderation/log", "/moderation", "/author"]) {
      for (const page of ["99999999999999999999", "1e309", "abc", "-1", "0"]) {
        const response = await get(`${path}?page=${page}`, { Cookie: cookie });
        expect(response.status, `${path}?page=${page}`).toBe(400);
      }
      expect((await get(`${path}?page=999999`, { Cookie: cookie })).status, path).toBe(200);
    }
  });

  it("for an absolute-form request target", async () => {
    const response = await rawRequest(
      `GET http://127.0.0.1:${server.port}/articles/${DEMO_ARTICLE} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(response.status).toBe(200);
  });

  it("refuses a body over the limit with 413 before reading it", async () => {
    const response = await rawRequest(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000000\r\n\r\nemail=`,
    );
    expect(response.status).toBe(413);
  });

  it("keeps a keep-alive connection usable after a large body that was answered without being read", async () => {
    for (const path of ["/healthz", "/login", "/logout"]) {
      const body = "x".repeat(600 * 1024);
      const first =
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\n` +
        `Content-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
      const second = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`;
      const started = Date.now();
      const statuses = await keepAlive(first, second);
      expect(statuses.length, path).toBe(2);
      expect(statuses[0], path).toBeGreaterThanOrEqual(400);
      expect(statuses[1], path).toBe(200);
      expect(Date.now() - started, path).toBeLessThan(3_000);
    }
  });
});

/** One request on its own connection, written byte for byte. */
function rawRequest(text: string): Promise<{ status: number }> {
  return rawExchange(server.port, (socket) => socket.write(text));
}

/** Two requests on one connection, the second sent once the first is answered; the statuses seen. */
function keepAlive(first: string, second: string): Promise<number[]> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    let received = "";
    let sentSecond = false;
    const statuses = () => [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    const done = () => {
      socket.destroy();
      resolve(statuses());
    };
    socket.setTimeout(8_000, done);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (!sentSecond && statuses().length === 1) {
        sentSecond = true;
        // Let the first response finish arriving, then ask again on the same connection.
        setTimeout(() => socket.write(second), 50);
      }
      if (statuses().length === 2) setTimeout(done, 20);
    });
    socket.on("error", done);
    socket.on("close", done);
    socket.write(first);
  });
}

describe("npm start without NODE_ENV", () => {
  it("still sends the Content-Security-Policy and the security headers", async () => {
    const plain = await startAppServer({ NODE_ENV: null });
    try {
      const response = await fetch(`${plain.url}/articles/${DEMO_ARTICLE}`);
      expect(response.headers.get("Content-Security-Policy")).toMatch(/script-src/);
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    } finally {
      await plain.stop();
    }
  });
});

describe("a malformed setting", () => {
  it("stops the server before it listens, naming the variable", async () => {
    await expect(startAppServer({ SITE_TIMEZONE: "Mars/Olympus", MAX_BODY_BYTES: "lots" })).rejects.toThrow(
      /cannot start[\s\S]*MAX_BODY_BYTES[\s\S]*SITE_TIMEZONE|cannot start[\s\S]*SITE_TIMEZONE[\s\S]*MAX_BODY_BYTES/,
    );
  });
});
