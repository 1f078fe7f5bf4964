// Afterword's settings from the environment, read and checked in one place.
// The production server checks them before it listens: a missing or malformed
// value stops it with a sentence naming the variable, rather than surfacing
// later as a 500 or, worse, as a silently weaker default.
import { z } from "zod";
import { databaseTarget } from "~/db/database-url";

const flag = z.enum(["0", "1"], { message: "use 0 or 1" }).optional();
const whole = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, "use a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `use at least ${min}`).max(max, `use at most ${max}`))
    .default(String(fallback));

const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        databaseTarget(value || undefined);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  PORT: whole(1, 65_535, 3000),
  SITE_TIMEZONE: z
    .string()
    .default("UTC")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "use an IANA time zone such as Europe/London"),
  DATABASE_POOL_SIZE: whole(1, 500, 10),
  SLOW_QUERY_MS: whole(0, 600_000, 200),
  MAX_BODY_BYTES: whole(65_536, 1024 * 1024 * 1024, 4 * 1024 * 1024),
  /** How long a shared cache (a CDN, nginx) may serve a shared page without asking (s-maxage), in seconds. */
  SHARED_PAGE_MAX_AGE: whole(0, 86_400, 5),
  /** How long after that it may serve the stale copy while it asks again (stale-while-revalidate), in seconds. */
  SHARED_PAGE_STALE_SECONDS: whole(0, 86_400, 30),
  /** How long an instance trusts the article version it last read, in milliseconds: how stale a shared page may be. */
  VERSION_CHECK_MS: whole(0, 10_000, 250),
  /** 0: a signed-in reader's or a guest's article page is rendered whole by Remix, not made from the kept page. */
  PAGE_SPLICE: flag,
  TRUST_PROXY: flag,
  INSECURE_COOKIES: flag,
  /** 1: a new account's posts are held for a moderator until its email is confirmed by the link sent at sign-up. */
  REQUIRE_VERIFIED_EMAIL: flag,
  LOG_REQUESTS: flag,
  MAIL_SENDER: flag,
  SITE_URL: z
    .string()
    .url("use the site's public address, such as https://example.com")
    .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "use an http:// or https:// address")
    .optional(),
  SESSION_SECRET: z.string().min(32, "use at least 32 random characters").optional(),
  /** Days a sent (or given-up) email is kept before the daily prune removes it. */
  MAIL_RETENTION_DAYS: whole(1, 3650, 90),
  /** Days a post keeps the hash of the address it was sent from (for bans and spam checks). */
  ADDRESS_RETENTION_DAYS: whole(1, 3650, 90),
  /** Days an ended (expired) session is kept before it is removed. */
  SESSION_RETENTION_DAYS: whole(1, 3650, 90),
  FRAME_ANCESTORS: z.string().optional(),
  /**
   * The sites whose pages may embed Afterword's questions (embed.js), as origins separated by spaces or commas:
   * `https://blog.example.com https://www.example.com`. None by default: nothing can be embedded.
   */
  EMBED_ORIGINS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const item of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
        const origin = URL.canParse(item) ? new URL(item).origin : "null";
        if (
          origin === "null" ||
          !/^https?:$/.test(new URL(item).protocol) ||
          origin !== item.toLowerCase().replace(/\/$/, "")
        ) {
          ctx.addIssue({
            code: "custom",
            message: `"${item}" is not an origin; use https://host or https://host:port`,
          });
          return z.NEVER;
        }
        origins.push(origin);
      }
      return origins;
    }),
  SMTP_URL: z
    .string()
    .refine(
      (url) => URL.canParse(url) && /^smtps?:$/.test(new URL(url).protocol),
      "use smtp://user:pass@host:587 or smtps://…",
    )
    .optional(),
  MAIL_FROM: z.string().min(3, "use an address such as Afterword <hello@example.com>").optional(),
});

export type Config = z.infer<typeof schema>;

/** Every problem with the environment, one line each naming its variable; empty when all is well. */
export function configProblems(env: Record<string, string | undefined> = process.env): string[] {
  const parsed = schema.safeParse(blankAsMissing(env));
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

let cached: Config | null = null;

/** The checked settings; throws with every problem named if the environment is wrong. */
export function config(): Config {
  if (cached) return cached;
  const parsed = schema.safeParse(blankAsMissing(process.env));
  if (!parsed.success) {
    throw new Error(`The environment is not valid:\n${configProblems().join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * For what runs while the build is imported (the database client is made
 * then): the checked settings, or the defaults when the environment is wrong,
 * since the server, checking next, will refuse to start anyway.
 */
export function configAtImport(): Config {
  return configProblems().length === 0 ? config() : schema.parse({});
}

/** `PORT=` (set but empty) means the default, as it does in most tools. */
function blankAsMissing(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
}
