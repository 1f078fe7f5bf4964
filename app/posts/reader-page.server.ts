// What every personal page with reader forms needs from the request: who the
// viewer is (to show them their own pending posts), the name to prefill, and
// the signed "form shown at" cookie that the too-fast check reads on posting.
// A shared page (the same bytes for everyone) sets no cookie: a post without
// it is held for a moderator (docs/decisions/0007-untimed-first-posts.md).
import { getVisitor } from "~/auth/visitor.server";
import { formShownCookie } from "~/security/cookies.server";
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

/** `?replyto=<id>` opens that post's reply form for readers without JavaScript. */
export function replyToParam(url: URL): number | null {
  return positiveInt(url.searchParams.get("replyto"));
}
