// GET /account/data.json — "Download my data": everything kept about the
// signed-in reader's account, as one JSON file. Only ever their own.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { accountData } from "~/auth/own-account.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(await accountData(user.id), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="afterword-my-data-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
