// Who may use each staff page and action: the data behind the permission
// matrix test. A later issue adds a row for every route it adds.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~/auth/roles";
import * as account from "~/routes/account";
import * as adminSettings from "~/routes/admin.settings";

export type Guarded = {
  name: string;
  path: string;
  run: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;
  /** Form fields for an action row; none for a loader row. */
  form?: Record<string, string>;
  allowed: readonly Role[];
};

const SIGNED_IN = ["reader", "author", "moderator", "admin"] as const;

export const PERMISSION_MATRIX: Guarded[] = [
  { name: "account page", path: "/account", run: account.loader, allowed: SIGNED_IN },
  {
    name: "account: save details",
    path: "/account",
    run: account.action,
    form: { intent: "profile", name: "Same Name" },
    allowed: SIGNED_IN,
  },
  { name: "settings page", path: "/admin/settings", run: adminSettings.loader, allowed: ["admin"] },
  {
    name: "settings: save",
    path: "/admin/settings",
    run: adminSettings.action,
    form: {
      moderationMode: "first",
      softLimit: "1200",
      hardLimit: "10000",
      maxLinks: "2",
      rateLimit: "5",
      rateWindowMinutes: "10",
      minSecondsToPost: "3",
    },
    allowed: ["admin"],
  },
];
