// Every staff loader and action, tried as each kind of person: exactly the
// roles the matrix names get through; a guest is sent to sign in; anyone else
// gets 403. And every action refuses a post from another site with 403.
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../scripts/seed/seed";
import { ROLES, type Role } from "~/model/roles";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as signup from "~/routes/signup";
import * as article from "~/routes/articles.$slug/route";
import * as thread from "~/routes/articles.$slug_.questions.$number";
import * as framed from "~/routes/embed.articles.$slug";
import * as frameSignIn from "~/routes/embed.sign-in";
import * as frameSignOut from "~/routes/embed.sign-out";
import { type Outcome, PERMISSION_MATRIX } from "../support/permission-matrix";
import { siteRequest, userWithSession } from "../support/users";

async function outcome(work: () => Promise<unknown>, shows?: (answer: unknown) => boolean): Promise<Outcome> {
  try {
    const result = await work();
    if (result instanceof Response && result.status >= 300 && result.status < 400) {
      return result.headers.get("Location")?.startsWith("/login") ? "sign-in" : "allowed";
    }
    const status =
      result instanceof Response
        ? result.status
        : ((result as { init?: { status?: number } } | null)?.init?.status ?? 200);
    if (status === 403) return "forbidden";
    if (status >= 400) return `other ${status}`;
    // A resource route answers with a JSON response; a page's loader with its data.
    const answer =
      result instanceof Response
        ? result.headers.get("Content-Type")?.startsWith("application/json")
          ? await result.json()
          : await result.text()
        : result && typeof result === "object" && "data" in result
          ? result.data
          : result;
    return shows && !shows(answer) ? "hidden" : "allowed";
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    if (thrown.status === 403) return "forbidden";
    if (thrown.status === 302 && thrown.headers.get("Location")?.startsWith("/login")) return "sign-in";
    return `other ${thrown.status}`;
  }
}

beforeAll(async () => {
  await seed();
});

describe("permission matrix", () => {
  for (const row of PERMISSION_MATRIX) {
    it(`${row.name}: ${row.allowed.join(", ")}`, async () => {
      const results: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = { guest: row.refusedAs?.guest ?? "sign-in" };
      for (const who of ["guest", ...ROLES] as const) {
        const cookie = who === "guest" ? undefined : (await userWithSession(who as Role)).cookie;
        const attempt = await row.attempt();
        const request = siteRequest(attempt.path, { cookie, form: attempt.form });
        const shows = row.shows && ((answer: unknown) => row.shows!(answer, attempt.target));
        results[who] = await outcome(() => row.run({ request, params: attempt.params ?? {}, context: {} }), shows);
        if (who !== "guest") {
          expected[who] = row.allowed.includes(who as Role) ? "allowed" : (row.refusedAs?.[who as Role] ?? "forbidden");
        }
      }
      expect(results).toEqual(expected);
    });
  }
});

describe("cross-site posts", () => {
  const actions = [
    ...PERMISSION_MATRIX.filter((row) => row.name.includes(":")).map((row) => ({
      name: row.name,
      path: "/",
      run: row.run,
    })),
    { name: "ask a question", path: "/articles/no-contact-after-a-breakup", run: article.action },
    { name: "reply in a thread", path: "/articles/no-contact-after-a-breakup/questions/1", run: thread.action },
    { name: "sign in", path: "/login", run: login.action },
    { name: "create account", path: "/signup", run: signup.action },
    { name: "sign out", path: "/logout", run: logout.action },
    // Inside another site's frame (embed.js): the same check, whatever site the frame is in.
    { name: "ask from a frame", path: "/embed/articles/no-contact-after-a-breakup", run: framed.action },
    { name: "sign in inside a frame", path: "/embed/sign-in", run: frameSignIn.action },
    { name: "sign out inside a frame", path: "/embed/sign-out", run: frameSignOut.action },
  ];
  for (const action of actions) {
    it(`refuses "${action.name}" from another site, or with no origin at all, with 403`, async () => {
      const { cookie } = await userWithSession("admin");
      for (const origin of ["https://evil.example", null]) {
        const headers: Record<string, string> = {
          Host: "localhost",
          Cookie: cookie,
          "Content-Type": "application/x-www-form-urlencoded",
        };
        if (origin) headers.Origin = origin;
        const request = new Request(`http://localhost${action.path}`, { method: "POST", headers, body: "intent=ask" });
        const params = { slug: "no-contact-after-a-breakup", id: "1" };
        expect(await outcome(() => action.run({ request, params, context: {} }))).toBe("forbidden");
      }
    });
  }
});
