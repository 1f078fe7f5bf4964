// Posting must not read the Post table through: the rate limit and the
// same-text rule look a writer's recent posts up by index, on SQLite and on
// PostgreSQL alike. The statements are the ones intake really sends, caught
// from Prisma's query events and explained by the database itself.
import { beforeAll, describe, expect, it } from "vitest";
import { db, onQuery } from "~/db.server";
import { submitPost } from "~/posts/intake.server";
import type { Visitor } from "~/auth/visitor.server";
import { DEMO_ARTICLE, seed } from "../../scripts/seed/seed";
import { testProvider } from "../support/test-database";
import { userWithSession } from "../support/users";

let article: { id: string; slug: string };

beforeAll(async () => {
  await seed();
  article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE }, select: { id: true, slug: true } });
});

/** The SELECTs on Post that intake sends for one post, with their parameters. */
async function intakeQueries(visitor: Visitor) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const stop = onQuery((sql, params) => {
    if (/^SELECT/i.test(sql) && /FROM [`"\w.]*Post[`"]? WHERE/.test(sql) && sql.includes("createdAt")) {
      seen.push({ sql, params: JSON.parse(params) as unknown[] });
    }
  });
  const result = await submitPost(
    article,
    { name: "Planner", body: `How do I plan the first week? ${Math.random()}`, section: "article" },
    visitor,
  );
  stop();
  expect(result.ok).toBe(true);
  return seen;
}

async function plan(sql: string, params: unknown[]): Promise<string> {
  if (testProvider() === "postgresql") {
    // A table this small is cheapest to read whole; with sequential scans priced
    // out, a plan that still scans has no index to use.
    return db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  }
  const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
  return rows.map((r) => r.detail).join("\n");
}

describe("the intake queries' plans", () => {
  const visitors: [string, () => Promise<Visitor>][] = [
    [
      "a guest",
      async () => ({
        userId: null,
        role: null,
        guestKey: "plan-guest",
        ipHash: "plan-address",
        formShownAt: Date.now() - 60_000,
      }),
    ],
    [
      "a signed-in reader",
      async () => {
        const { user } = await userWithSession("reader");
        return {
          userId: user.id,
          role: "reader",
          guestKey: null,
          ipHash: "plan-address",
          formShownAt: Date.now() - 60_000,
        };
      },
    ],
  ];
  for (const [who, visitor] of visitors) {
    it(`use an index for ${who}, never a scan of Post`, async () => {
      const queries = await intakeQueries(await visitor());
      // Rate limit and same text, one query per key the writer is counted by (a guest: cookie and address).
      expect(queries.length).toBe(who === "a guest" ? 2 : 1);
      for (const { sql, params } of queries) {
        const text = await plan(sql, params);
        if (testProvider() === "postgresql") {
          expect(text, sql).toMatch(
            /Index (Only )?Scan( Backward)? using "?Post_\w+_createdAt_idx|Bitmap Index Scan on "?Post_\w+_createdAt_idx/,
          );
          expect(text, sql).not.toMatch(/Seq Scan on "?Post/);
        } else {
          expect(text, sql).toMatch(/SEARCH (main\.)?Post USING (COVERING )?INDEX Post_\w+_createdAt_idx/);
          expect(text, sql).not.toMatch(/SCAN (main\.)?Post\b(?! USING)/);
          expect(text, sql).not.toMatch(/TEMP B-TREE/);
        }
      }
    });
  }
});
