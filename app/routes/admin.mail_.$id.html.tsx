import type { LoaderFunctionArgs } from "@remix-run/node";
import { ADMINS } from "~/model/roles";
import { requireRole } from "~/auth/guards.server";
import { mailboxEmail } from "~/mail/mailbox.server";
import { requireId } from "~/utils/form.server";

// An email's HTML on its own, for the admin's preview frame: its inline
// styles allowed, nothing else (no scripts, no requests), and only framed by
// this site's own pages.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ADMINS);
  const email = await mailboxEmail(requireId(params.id, "email"));
  return new Response(email.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      "X-Frame-Options": "SAMEORIGIN",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
