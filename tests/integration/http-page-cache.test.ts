// The shared article page served like a file, seen from the network as a
// browser, a script and a CDN see it: the same bytes for every reader, kept
// compressed, a strong ETag and 304, a CSP naming exactly its inline scripts
// by hash, one address per page, and personal pages never shared.
import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createPost } from "~/posts/posts.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { eventually } from "../support/eventually";
import { userWithSession } from "../support/users";

let server: AppServer;
const PAGE = `/articles/${DEMO_ARTICLE}`;

beforeAll(async () => {
  await seed();
  server = await startAppServer();
});
afterAll(() => server.stop());

/** A response as it crosses the wire: status, headers and the bytes undecoded. */
function raw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(server.url + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("the shared article page", () => {
  it("is the same bytes for every reader and every client, compressed once, with a strong ETag and 304", async () => {
    const first = await raw(PAGE, { Accept: "text/html" });
    expect(first.status).toBe(200);
    // The first visit sets no cookie (a shared cache keeps it for everyone); a browser back for more.
    expect(first.headers["set-cookie"]).toBeUndefined();
    const browser = await raw(PAGE, { Accept: "text/html", "Accept-Encoding": "gzip, deflate, br" });
    expect(browser.headers["x-page-cache"]).toBe("hit");
    expect(browser.headers["content-encoding"]).toBe("br");
    expect(browser.headers.vary).toBe("Accept-Encoding");
    const plain = brotliDecompressSync(browser.body);
    expect(plain.equals(first.body)).toBe(true);
    const script = await raw(PAGE);
    expect(script.body.equals(plain)).toBe(true);
    const anyType = await raw(PAGE, { Accept: "*/*", "Accept-Encoding": "gzip" });
    expect(gunzipSync(anyType.body).equals(plain)).toBe(true);

    const etag = browser.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(script.headers.etag).toBe(etag);
    expect(browser.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=30");
    const again = await raw(PAGE, { "If-None-Match": etag, "Accept-Encoding": "br" });
    expect([again.status, again.body.length, again.headers.etag]).toEqual([304, 0, etag]);
  });

  it("names exactly its inline scripts in its CSP, by hash, and carries no nonce", async () => {
    const page = await raw(PAGE, { Accept: "text/html" });
    const html = page.body.toString("utf8");
    const csp = page.headers["content-security-policy"] as string;
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1].split(" ");
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`,
    );
    expect(inline.length).toBeGreaterThan(0);
    expect(scriptSrc.filter((s) => s.startsWith("'sha256-")).sort()).toEqual([...new Set(inline)].sort());
    expect(csp).not.toContain("nonce");
    expect(html).not.toContain("nonce=");
  });

  it("has one address: other orders and unknown parameters are sent to it", async () => {
    const moved = await raw(`${PAGE}?page=1&sort=newest&utm_source=newsletter`);
    expect([moved.status, moved.headers.location]).toEqual([301, `${PAGE}?sort=newest&page=1`]);
  });

  it("is in the request log once, whether the page was kept or rendered", async () => {
    const logged = await startAppServer({ LOG_REQUESTS: "1" });
    try {
      for (let i = 0; i < 3; i++) await (await fetch(`${logged.url}${PAGE}?sort=newest`)).arrayBuffer();
      // The log line is written when the response has finished, and reaches this process a moment later.
      const logLines = () =>
        logged
          .output()
          .split("\n")
          .filter((line) => line.startsWith(`GET ${PAGE}?sort=newest `));
      const lines = await eventually("three log lines", () => logLines().length >= 3 && logLines());
      expect(lines).toHaveLength(3);
      expect(lines.every((line) => / 200 (\d+|-) - [\d.]+ ms$/.test(line))).toBe(true);
    } finally {
      await logged.stop();
    }
  });

  it("gives a new reader the shared page itself, with no cookie, so a shared cache keeps it for the next", async () => {
    const page = await raw(PAGE);
    expect(page.headers["set-cookie"]).toBeUndefined();
    expect(page.headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
  });

  it("shows a write on the next version check (at most 250 ms), and a kept page is never personal", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE } });
    const pendingKey = `page-cache-${Date.now()}`;
    await createPost({
      articleId: article.id,
      guestName: "Pending Pat",
      guestKey: pendingKey,
      body: "Mine alone, for now?",
      status: "pending",
    });
    await createPost({
      articleId: article.id,
      guestName: "Public Pia",
      body: "Seen by everyone at once?",
      status: "published",
    });
    // The server reads the article's version again once the one it read is 250 ms old: the next reader after
    // that gets the page rendered anew (meanwhile, the page as it was).
    const written = Date.now();
    const shared = await eventually("the new post on the shared page", async () => {
      const page = (await raw(PAGE)).body.toString();
      return page.includes("Seen by everyone at once?") && page;
    });
    expect(Date.now() - written).toBeLessThan(2_000);
    expect(shared).not.toContain("Mine alone, for now?");

    const { cookie } = await userWithSession("reader");
    const signedIn = await raw(PAGE, { Cookie: cookie });
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    expect(signedIn.headers.etag).toBeUndefined();
    // Made for this reader (from the kept page, "personal…", or rendered whole), never a kept page itself.
    expect(signedIn.headers["x-page-cache"] ?? "rendered").toMatch(/^(personal|personal-hit|rendered)$/);
    expect(signedIn.body.toString()).not.toContain("Mine alone, for now?");
  });
});
