// What every page with reader forms needs from the request: who the viewer
// is (to show them their own pending posts), the name to prefill, and the
// signed "form shown at" cookie that the too-fast check reads on posting.
import { getVisitor } from "~/auth/visitor.server";
import { formShownCookie, readSigned } from "~/security/cookies.server";
import { positiveInt } from "~/utils/form.server";

/** The "form shown at" time is kept this long, so a reader fixing a refused form is not "too fast". */
const FORM_SHOWN_FOR_MS = 60 * 60_000;

export async function readerPage(request: Request) {
  const { viewer, guest, formShownAt } = await getVisitor(request);
  // Pages differ by cookie (a writer sees their pending posts); shared caches must not keep them.
  const headers = new Headers({ "Cache-Control": "private, no-cache" });
  if (formShownAt === null || Date.now() - formShownAt > FORM_SHOWN_FOR_MS) {
    headers.set("Set-Cookie", await (await formShownCookie()).serialize({ t: Date.now() }));
  }
  return { viewer, guestName: guest?.name ?? null, headers };
}

/**
 * The "form shown at" cookie for a page served without Remix (a kept shared
 * page): a new one when the reader has none or an old one, else null.
 */
export async function formShownSetCookie(cookieHeader: string | null): Promise<string | null> {
  const shown = (await readSigned(await formShownCookie(), cookieHeader)) as { t?: unknown } | null;
  if (typeof shown?.t === "number" && Date.now() - shown.t <= FORM_SHOWN_FOR_MS) return null;
  // One signed value a second serves every new reader in it: the check reads seconds.
  const second = Math.floor(Date.now() / 1000);
  if (fresh?.second !== second)
    fresh = { second, cookie: await (await formShownCookie()).serialize({ t: second * 1000 }) };
  return fresh.cookie;
}
let fresh: { second: number; cookie: string } | null = null;

/** `?replyto=<id>` opens that post's reply form for readers without JavaScript. */
export function replyToParam(url: URL): number | null {
  return positiveInt(url.searchParams.get("replyto"));
}
