// Readers' browsers for tests that post through the production server: the
// cookies a person has once a form has been on screen for a minute (and a
// session or a guest's key), and the address they post from
// (X-Forwarded-For, read when the server runs with TRUST_PROXY=1).
import { formShownCookie, guestCookie } from "~/security/cookies.server";
import { DEMO_ARTICLE } from "../../scripts/seed/seed";

export type Visitor = { cookie: string; address: string };

const cookiePair = (setCookie: string) => setCookie.split(";")[0];
let addresses = 0;

/** A new address in TEST-NET (192.0.2.0/24 and beyond), a different one each call. */
export const newAddress = () => `203.0.${113 + Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;

export async function visitor(who: { session?: string; guestKey?: string; address?: string }): Promise<Visitor> {
  const cookies = [cookiePair(await (await formShownCookie()).serialize({ t: Date.now() - 60_000 }))];
  if (who.session) cookies.push(who.session);
  if (who.guestKey) cookies.push(cookiePair(await (await guestCookie()).serialize({ key: who.guestKey, name: "G" })));
  return { cookie: cookies.join("; "), address: who.address ?? newAddress() };
}

/** Posts a form to `path` on the server at `base` as `as`; the answer, not followed. */
export function sendForm(base: string, path: string, fields: Record<string, string>, as: Visitor) {
  return fetch(base + path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      Origin: base,
      Cookie: as.cookie,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": as.address,
    },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
}

/** A question on the demo article, as its form sends it. */
export const askForm = (body: string, name = "Guest") => ({ intent: "ask", name, email: "", section: "article", body });

/** A reply under `parentId` on the demo article, as its form sends it. */
export const replyForm = (parentId: number, body: string, name = "Guest") => ({
  intent: "reply",
  parentId: String(parentId),
  name,
  email: "",
  body,
});

export const ARTICLE_PATH = `/articles/${DEMO_ARTICLE}`;
