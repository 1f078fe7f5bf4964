// What every page with reader forms needs from the request: who the viewer
// is (to show them their own pending posts), the name to prefill, and the
// signed "form shown at" cookie that the too-fast check reads on posting.
import { formShownCookie, readGuest } from "~/security/cookies.server";
import type { Viewer } from "~/articles/article-page.server";

export async function readerPage(request: Request) {
  const guest = await readGuest(request);
  const viewer: Viewer = { guestKey: guest?.key ?? null, userId: null };
  const headers = new Headers({
    "Set-Cookie": await (await formShownCookie()).serialize({ t: Date.now() }),
    // Pages differ by cookie (a writer sees their pending posts); shared caches must not keep them.
    "Cache-Control": "private, no-cache",
  });
  return { viewer, guestName: guest?.name ?? null, headers };
}

/** `?replyto=<id>` opens that post's reply form for readers without JavaScript. */
export function replyToParam(url: URL): number | null {
  const value = Number(url.searchParams.get("replyto"));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
