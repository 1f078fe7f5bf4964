// Part 2: bad input on every route. The cases are generated from the route
// files (tests/support/route-catalog.ts), so a new route is tried without
// editing this file: for each page, hostile path segments and query values,
// very long addresses and other methods; for each action, every intent with
// missing, duplicated and ill-typed fields, bodies of 1 MB and 20 MB (with a
// length and chunked), invalid UTF-8 and percent-encoding, NUL bytes and other
// content types; as a guest and as an admin. Failed: any answer 5xx, or none
// within 10 s. Oversized bodies must get 413 before they are read whole.
// On PostgreSQL the generated cases run once more through nginx configured
// as docs/deploy.md says (tests/support/nginx.ts), where a Host without the
// port once turned every post into a 500.
import { afterAll, beforeAll, describe, it } from "vitest";
import { hashPassword } from "~/auth/passwords.server";
import { db } from "~/db.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { type Nginx, nginxInstalled, startNginx } from "../support/nginx";
import { rawExchange } from "../support/raw-http";
import { testProvider } from "../support/test-database";
import { type RouteEntry, fill, formVocabulary, routeCatalog } from "../support/route-catalog";
import { userWithSession } from "../support/users";
import { record } from "./tally";

let server: AppServer;
let nginx: Nginx | null = null;
const BEHIND_NGINX = testProvider() === "postgresql" && (nginxInstalled() || Boolean(process.env.CI));
let valid: Record<string, string>;
let other: Record<string, string>;
let roles: { name: string; cookie: string }[];
const routes = routeCatalog();
const vocabulary = formVocabulary();
const intents = vocabulary.intents.filter((i) => i.length > 1);
const fields = vocabulary.fields.filter((f) => /^[a-z]/.test(f));

beforeAll(async () => {
  await seed();
  // Limits high enough that the cases reach the code past them.
  server = await startAppServer({ MAX_BODY_BYTES: String(4 * 1024 * 1024) });
  if (BEHIND_NGINX) nginx = await startNginx([server.port, server.port]);
  const question = await db.post.findFirstOrThrow({
    where: { article: { slug: DEMO_ARTICLE }, parentId: null, status: "published" },
  });
  const foreign = await db.post.findFirstOrThrow({
    where: { article: { slug: { not: DEMO_ARTICLE } }, parentId: null, status: "published" },
    include: { article: true },
  });
  valid = { slug: DEMO_ARTICLE, id: String(question.id), number: String(question.number), oldId: "1", "*": "nowhere" };
  // A real id and number, of another article than the one in the address.
  other = { id: String(foreign.id), number: String(foreign.number! + 1000) };
  roles = [
    { name: "guest", cookie: "" },
    { name: "admin", cookie: (await userWithSession("admin")).cookie },
  ];
}, 120_000);
afterAll(async () => {
  await nginx?.stop();
  await server?.stop();
});

let failures: string[] = [];
let tried = 0;

type Case = { label: string; method: string; path: string; headers?: Record<string, string>; body?: BodyInit };

async function attempt(c: Case, cookie: string, base: string) {
  tried++;
  try {
    const response = await fetch(base + c.path, {
      method: c.method,
      headers: { Origin: base, ...(cookie ? { Cookie: cookie } : {}), ...c.headers },
      body: c.body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
      ...(c.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
    await response.arrayBuffer();
    if (response.status >= 500) {
      // With the first lines the server logged of it, to say where it failed.
      const logged = server.output().split("\n").slice(-12).join("\n");
      failures.push(`${c.label}: ${response.status}${failures.length < 3 ? `\n${logged}` : ""}`);
    }
  } catch (error) {
    failures.push(`${c.label}: no answer (${(error as Error).name}: ${(error as Error).message})`);
  }
}

const hostileSegments = [
  "0",
  "-1",
  "1e309",
  "abc",
  "2147483648",
  "99999999999999999999",
  "%00",
  "%C3%28",
  "%ZZ",
  "%",
  "a".repeat(4000),
];
const hostileQueries = [
  "page=-1",
  "page=0",
  "page=1e309",
  "page=abc",
  "page=99999999999999999999",
  "page=1&page=2",
  "sort=sideways",
  "section=no-such-section",
  "section=%00",
  "replyto=abc",
  "replyto=-5",
  "ask=%C3%28",
  "redirectTo=%2F%2Fevil.test",
  "token=%ZZ",
  "q=%",
  // Search and the similar-question lookup: either engine's syntax, quotes, emoji, a very long query.
  "q=%22",
  "q=%27",
  "q=a%20OR%20NOT%20b*",
  "q=NEAR(a%20b)%20col%3Ax%20%5Ex",
  "q=%27a%27%20%26%20!%27b%27%20%7C%20%3C-%3E",
  "q=((((((",
  "q=%F0%9F%98%80%F0%9F%92%94",
  "q=%00contact",
  `q=${"contact%20".repeat(2000)}`,
  "q=day&article=no-such-article&section=%00",
  "q=day&page=99999",
  "%=%",
  "a".repeat(8000),
];

function pageCases(route: RouteEntry): Case[] {
  const base = fill(route.pattern, valid);
  const cases: Case[] = [{ label: `GET ${base}`, method: "GET", path: base }];
  for (const param of route.params) {
    const key = param === "*" ? "*" : param;
    const values = [...hostileSegments, ...(other[key] ? [other[key]] : [])];
    for (const value of values) {
      const path = fill(route.pattern, { ...valid, [key]: value });
      cases.push({ label: `GET ${route.pattern} with ${key}=${value.slice(0, 20)}`, method: "GET", path });
    }
  }
  for (const query of hostileQueries) {
    cases.push({ label: `GET ${base}?${query.slice(0, 30)}`, method: "GET", path: `${base}?${query}` });
  }
  cases.push({ label: `GET ${base} with a 100 KB address`, method: "GET", path: `${base}?x=${"y".repeat(100_000)}` });
  for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND"]) {
    cases.push({ label: `${method} ${base}`, method, path: base });
  }
  return cases;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const badValues = [
  "",
  "abc",
  "-1",
  "1.5",
  "1e309",
  "2147483648",
  "99999999999999999999",
  "\u0000",
  "\uFFFF\uD800",
  "x".repeat(20_000),
];

function actionCases(route: RouteEntry): Case[] {
  const target = fill(route.pattern, valid) + (route.pattern === "/moderation" ? "?index" : "");
  const post = (label: string, body: BodyInit, headers: Record<string, string> = FORM): Case => ({
    label: `POST ${target} ${label}`,
    method: "POST",
    path: target,
    headers,
    body,
  });
  const cases: Case[] = [post("with no fields", "")];
  // The intents this route's forms know (with one it does not), each with every field.
  const known = intents.filter((intent) => route.source.includes(`"${intent}"`));
  for (const intent of [...known, "no-such-intent"]) {
    cases.push(post(`intent=${intent} alone`, new URLSearchParams({ intent })));
    for (const value of badValues) {
      const form = new URLSearchParams({ intent });
      for (const field of fields) if (field !== "intent") form.set(field, value);
      cases.push(post(`intent=${intent}, every field ${JSON.stringify(value.slice(0, 12))}`, form));
    }
    const twice = new URLSearchParams();
    for (const field of fields) {
      twice.append(field, field === "intent" ? intent : "1");
      twice.append(field, field === "intent" ? "approve" : "two");
    }
    cases.push(post(`intent=${intent}, every field twice`, twice));
  }
  const invalidUtf8 = Buffer.concat([Buffer.from("intent=ask&body="), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x00])]);
  cases.push(
    post("invalid UTF-8", invalidUtf8),
    post("invalid percent-encoding", "intent=%ZZ&body=%E0%A4%A&%=%&name=%"),
    post("NUL bytes", "intent=ask\u0000&body=\u0000\u0000&name=a%00b"),
    post("1 MB body", new URLSearchParams({ intent: "ask", body: "x".repeat(1024 * 1024) })),
    post("JSON", JSON.stringify({ intent: "ask", body: "hello" }), { "Content-Type": "application/json" }),
    post("text", "intent=ask&body=hello", { "Content-Type": "text/plain" }),
    post("XML", "<post><intent>ask</intent></post>", { "Content-Type": "application/xml" }),
    post("multipart without boundary", "--x\r\n\r\n", { "Content-Type": "multipart/form-data" }),
    post("broken multipart", "--zzz\r\nnot a part", { "Content-Type": "multipart/form-data; boundary=zzz" }),
    post("charset nobody knows", "intent=ask", { "Content-Type": "application/x-www-form-urlencoded; charset=x-nope" }),
  );
  return cases;
}

/** Sends `head` and then `size` bytes of body, and waits; resolves with the status once answered. */
function oversized(head: string, size: number, chunked: boolean): Promise<{ status: number }> {
  return rawExchange(server.port, (socket) => {
    socket.write(head);
    const piece = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const pump = () => {
      while (sent < size && !socket.destroyed) {
        const data = chunked
          ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")])
          : piece;
        sent += piece.length;
        if (!socket.write(data)) return void socket.once("drain", pump);
      }
    };
    pump();
  });
}

/** Every generated case, as a guest and as an admin, sent to the server at `base`. */
async function generatedCases(base: string) {
  failures = [];
  tried = 0;
  const cases: { c: Case; cookie: string; role: string }[] = [];
  for (const role of roles) {
    for (const route of routes) {
      if (route.loader || !route.action)
        for (const c of pageCases(route)) cases.push({ c, cookie: role.cookie, role: role.name });
      if (route.action) for (const c of actionCases(route)) cases.push({ c, cookie: role.cookie, role: role.name });
    }
  }
  // Four at a time: a reader's browser opens about as many connections.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < cases.length) {
        const { c, cookie, role } = cases[next++];
        await attempt({ ...c, label: `${role}: ${c.label}` }, cookie, base);
      }
    }),
  );
}

describe("bad input on every route", () => {
  it("answers every generated case 4xx or better, within 10 s", async () => {
    const started = Date.now();
    await generatedCases(server.url);
    record("2", "bad input: pages and actions, generated from the routes", tried, failures, started);
  });

  it.skipIf(!BEHIND_NGINX)("answers them 4xx or better through nginx as docs/deploy.md configures it", async () => {
    const started = Date.now();
    await generatedCases(nginx!.url);
    record("2", "bad input: the same, through nginx (the guide's configuration)", tried, failures, started);
  });

  it("refuses 20 MB bodies with 413 before reading them whole, with a length or chunked", async () => {
    const started = Date.now();
    const problems: string[] = [];
    let count = 0;
    for (const route of routes.filter((r) => r.action)) {
      const target = fill(route.pattern, valid);
      for (const chunked of [false, true]) {
        count++;
        const size = 20 * 1024 * 1024;
        const head =
          `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\n` +
          (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : `Content-Length: ${size}\r\n\r\n`);
        try {
          // 6 MB of it are sent, and then nothing: only a server that answers before reading it whole answers at all.
          const { status } = await oversized(head, 6 * 1024 * 1024, chunked);
          if (status !== 413) problems.push(`${target} ${chunked ? "chunked" : "with length"}: ${status}`);
        } catch (error) {
          problems.push(`${target} ${chunked ? "chunked" : "with length"}: ${(error as Error).message}`);
        }
      }
    }
    // A chunked body under the limit is held until complete and then read as usual: this one signs in.
    count++;
    const email = `chunked-${Date.now()}@example.com`;
    await db.user.create({
      data: { email, displayName: "Chunked", passwordHash: await hashPassword("chunky bacon 2026") },
    });
    const pieces = [`email=${encodeURIComponent(email)}&`, "password=chunky", "%20bacon%202026&redirectTo=%2F"];
    const signIn = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        async pull(controller) {
          const piece = pieces.shift();
          if (piece === undefined) return controller.close();
          await new Promise((resolve) => setTimeout(resolve, 20));
          controller.enqueue(new TextEncoder().encode(piece));
        },
      }),
      duplex: "half",
      redirect: "manual",
    } as RequestInit);
    if (signIn.status !== 302 || !signIn.headers.get("Set-Cookie"))
      problems.push(`a chunked sign-in: ${signIn.status}`);
    record("2", "bad input: 20 MB bodies refused 413 before read whole", count, problems, started);
  });
});
