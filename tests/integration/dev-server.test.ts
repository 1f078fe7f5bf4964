// `npm run dev` is the production server with Vite inside it (scripts/server.js,
// NODE_ENV=development): the same security headers, the same kept article
// page with its ETag, and the same mail sender as `npm start`. Both are started
// here on this file's database and compared as a client sees them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { seed } from "../../scripts/seed/seed";
import { type AppServer, startAppServer } from "../support/app-server";
import { userWithSession } from "../support/users";
import { ARTICLE_PATH, sendForm, visitor } from "../support/visitors";

let dev: AppServer;
let production: AppServer;

beforeAll(async () => {
  await seed();
  // The development server sends mail as it is due, as production does; the production one here sends none.
  [dev, production] = await Promise.all([
    startAppServer({ NODE_ENV: "development", TRUST_PROXY: "1" }),
    startAppServer({ TRUST_PROXY: "1", MAIL_SENDER: "0" }),
  ]);
}, 60_000);
afterAll(() => Promise.all([dev?.stop(), production?.stop()]));

const SECURITY = ["x-content-type-options", "referrer-policy", "x-frame-options", "content-security-policy"];

async function twice(base: string) {
  const first = await fetch(base + ARTICLE_PATH);
  await first.arrayBuffer();
  const second = await fetch(base + ARTICLE_PATH);
  await second.arrayBuffer();
  return [first, second];
}

describe("npm run dev", () => {
  it("serves the article page with production's security headers, ETag and kept page", async () => {
    const [devFirst, devSecond] = await twice(dev.url);
    const [prodFirst, prodSecond] = await twice(production.url);
    for (const [a, b] of [
      [devFirst, prodFirst],
      [devSecond, prodSecond],
    ]) {
      expect(a.status).toBe(200);
      for (const name of SECURITY) {
        expect(a.headers.get(name), name).toBeTruthy();
        // The CSP names each page's own inline scripts by hash; every other directive is the same.
        const shape = (value: string | null) =>
          value?.replace(/'sha256-[^']+'/g, "'sha256-…'").replace(/( 'sha256-…')+/, " HASHES");
        expect(shape(a.headers.get(name)), name).toBe(shape(b.headers.get(name)));
      }
      expect(a.headers.get("cache-control")).toBe(b.headers.get("cache-control"));
    }
    expect(devFirst.headers.get("etag")).toMatch(/^"[\w-]{32}"$/);
    expect(devSecond.headers.get("etag")).toBe(devFirst.headers.get("etag"));
    expect(devSecond.headers.get("x-page-cache")).toBe("hit");
    expect(prodSecond.headers.get("x-page-cache")).toBe("hit");
    const notModified = await fetch(dev.url + ARTICLE_PATH, {
      headers: { "If-None-Match": devSecond.headers.get("etag")! },
    });
    expect(notModified.status).toBe(304);
    // Static files too, through Vite.
    const icon = await fetch(`${dev.url}/favicon.svg`);
    expect(icon.headers.get("x-content-type-options")).toBe("nosniff");
  }, 60_000);

  it("sends a question's confirmation email through the sender, to /admin/mail", async () => {
    const address = `dev-reader-${Date.now()}@example.com`;
    const asked = await sendForm(
      dev.url,
      ARTICLE_PATH,
      {
        intent: "ask",
        name: "Dev Reader",
        email: address,
        subscribe: "on",
        section: "article",
        body: "Does the development server send the email that confirms my address?",
      },
      await visitor({}),
    );
    expect(asked.status).toBe(302);
    // Written to the outbox with the question; then the sender, running in the development server, delivers it.
    let status: string | null = null;
    for (let i = 0; i < 100 && status !== "sent"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status =
        (await db.outboxEmail.findFirst({ where: { toAddress: address }, select: { status: true } }))?.status ?? null;
    }
    expect(status).toBe("sent");
    const { cookie } = await userWithSession("admin");
    const mail = await fetch(`${dev.url}/admin/mail`, { headers: { Cookie: cookie } });
    const page = await mail.text();
    expect(mail.status).toBe(200);
    expect(page).toContain(address);
    expect(page).toMatch(/sent(<!-- -->)? \(kept here\)/);
  }, 60_000);
});
