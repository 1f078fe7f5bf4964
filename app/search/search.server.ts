// Search and similar questions, on the database's own full-text engine:
// SQLite's FTS5 table "PostSearch", PostgreSQL's "searchVector" column and its
// GIN index (prisma/*/migrations/*_search_index). Both are kept in the same
// transaction as the post they index. Only published posts of published
// threads are ever found; the words of a query reach the engine quoted, in an
// expression built by app/search/terms.ts.
import { db } from "~/db.server";
import { databaseTarget } from "~/db/database-url";
import { questionPath } from "~/posts/paths";
import { VISIBLE_STATUS } from "~/posts/status";
import type { Found, Suggestion } from "~/search/found";
import {
  MAX_QUERY_LENGTH,
  MAX_SIMILARITY_TERMS,
  excerpt,
  fts5AllOf,
  fts5TwoOf,
  likeness,
  significantWords,
  stemOf,
  stemSet,
  tsqueryAllOf,
  tsqueryTwoOf,
} from "~/search/terms";

export const SEARCH_PAGE_SIZE = 10;
/** Similar questions shown at most (while asking, in the inbox). */
export const MAX_SUGGESTIONS = 5;
/**
 * How alike (app/search/terms.ts `likeness`) a question must be to be
 * suggested. Chosen on the labelled pairs of tests/search/similar-pairs.ts,
 * whose test keeps the precision it gave.
 */
export const SUGGESTION_THRESHOLD = 0.3;
/** Candidates the engine ranks for a suggestion before they are compared word by word. */
const CANDIDATES = 30;

const isPostgres = () => databaseTarget().provider === "postgresql";

type Row = {
  id: number | bigint;
  rootId: number | bigint | null;
  number: number | bigint | null;
  rootNumber: number | bigint | null;
  slug: string;
  articleTitle: string;
  sectionTitle: string | null;
  name: string | null;
  byAuthor: number | boolean | bigint;
  authorAnswered: number | boolean | bigint;
  replyCount: number | bigint;
  bodySource: string;
  publishedAt: Date | string | null;
  total?: number | bigint;
};

function shown(row: Row, stems: Set<string>): Found {
  const number = Number(row.rootNumber ?? row.number);
  const isQuestion = row.rootId === null;
  return {
    id: Number(row.id),
    number,
    isQuestion,
    href: `${questionPath(row.slug, number)}#post-${Number(row.id)}`,
    article: { slug: row.slug, title: row.articleTitle },
    section: row.sectionTitle,
    name: row.name ?? "A reader",
    byAuthor: Boolean(Number(row.byAuthor)),
    authorAnswered: Boolean(Number(row.authorAnswered)),
    replyCount: Number(row.replyCount),
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt).toISOString(),
    excerpt: excerpt(row.bodySource, stems),
  };
}

// The columns of a found post: its thread's number and section, who wrote it, the article.
const COLUMNS = `p."id", p."rootId", p."number", r."number" AS "rootNumber", a."slug", a."title" AS "articleTitle",
  s."title" AS "sectionTitle", COALESCE(u."displayName", p."guestName") AS "name",
  CASE WHEN p."userId" IS NOT NULL AND p."userId" = a."authorId" THEN 1 ELSE 0 END AS "byAuthor",
  COALESCE(r."authorAnswered", p."authorAnswered") AS "authorAnswered",
  COALESCE(r."replyCount", p."replyCount") AS "replyCount", p."bodySource", p."publishedAt"`;
// A reply shows only in a published thread; a removed section's questions count as the whole article.
const JOINS = `JOIN "Article" a ON a."id" = p."articleId"
  LEFT JOIN "Post" r ON r."id" = p."rootId"
  LEFT JOIN "Section" s ON s."id" = COALESCE(r."sectionId", p."sectionId") AND s."removedAt" IS NULL
  LEFT JOIN "User" u ON u."id" = p."userId"`;
const VISIBLE = `p."status" = '${VISIBLE_STATUS}' AND (p."rootId" IS NULL OR r."status" = '${VISIBLE_STATUS}')`;

export type SearchQuery = { q: string; article?: string | null; section?: string | null; page?: number };

export type SearchResult = {
  /** The words searched for, as the reader will recognise them. */
  words: string[];
  /** Set when the query had nothing to search for (only short or common words, symbols). */
  nothingToSearch: boolean;
  total: number;
  page: number;
  pageCount: number;
  results: Found[];
};

/**
 * Published questions and answers containing every significant word of `q`
 * (in any form: "messages" finds "message"), best first, a page at a time.
 * One query, whatever the number of posts.
 */
export async function searchPosts(query: SearchQuery): Promise<SearchResult> {
  const words = significantWords(query.q.slice(0, MAX_QUERY_LENGTH));
  const page = Math.max(1, Math.floor(query.page ?? 1));
  if (words.length === 0) return { words, nothingToSearch: true, total: 0, page: 1, pageCount: 1, results: [] };
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return isPostgres() ? `$${params.length}` : "?";
  };
  // The match comes first in both statements, then the filters, then OFFSET: the order SQLite's "?" are read in.
  const match = param(isPostgres() ? tsqueryAllOf(words) : fts5AllOf(words));
  const filters: string[] = [];
  if (query.article) filters.push(`a."slug" = ${param(query.article)}`);
  if (query.article && query.section) {
    filters.push(`s."id" IS NOT NULL AND s."anchor" = ${param(query.section)}`);
  }
  const where = [VISIBLE, ...filters].join(" AND ");
  // Every word must match; the engine's rank orders; the page's count comes with its rows.
  const sql = isPostgres()
    ? `SELECT ${COLUMNS}, count(*) OVER () AS "total"
         FROM "Post" p ${JOINS}, to_tsquery('english', ${match}) q
        WHERE p."searchVector" @@ q AND ${where}
        ORDER BY ts_rank(p."searchVector", q) DESC, p."id" DESC
        LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${param((page - 1) * SEARCH_PAGE_SIZE)}`
    : `SELECT ${COLUMNS}, count(*) OVER () AS "total"
         FROM "PostSearch" f JOIN "Post" p ON p."id" = f.rowid ${JOINS}
        WHERE "PostSearch" MATCH ${match} AND ${where}
        ORDER BY f.rank, p."id" DESC
        LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${param((page - 1) * SEARCH_PAGE_SIZE)}`;
  const rows = await db.$queryRawUnsafe<Row[]>(sql, ...params);
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) {
    // A page past the end: count, so that the reader is offered the last page.
    total = (await searchPosts({ ...query, page: 1 })).total;
  }
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const stems = new Set(words.map(stemOf));
  return { words, nothingToSearch: false, total, page, pageCount, results: rows.map((row) => shown(row, stems)) };
}

export type SimilarScope = {
  articleId: string | null;
  exclude?: number[];
  limit?: number;
  threshold?: number;
  /** Only questions the article's author has answered (for pointing a new question to one). */
  answeredOnly?: boolean;
};

/**
 * Published questions like `text`: of one article, or of every article when
 * `articleId` is null. The engine finds the questions sharing at least two of
 * its words and ranks them; the best are compared word by word
 * (`likeness`), and those alike enough are returned, most alike first.
 */
export async function similarQuestions(text: string, scope: SimilarScope): Promise<Suggestion[]> {
  return (await similarQuestionsOfEach([{ text, ...scope }]))[0];
}

/**
 * `similarQuestions` for each of many texts (a page of the inbox or of the
 * queue) in two queries, however many: one asks the engine for every text's
 * candidates at once, one reads the word counts that weigh them.
 */
export async function similarQuestionsOfEach(asks: (SimilarScope & { text: string })[]): Promise<Suggestion[][]> {
  const words = asks.map((ask) => significantWords(ask.text.slice(0, MAX_QUERY_LENGTH * 20), MAX_SIMILARITY_TERMS));
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return isPostgres() ? `$${params.length}` : "?";
  };
  const parts: string[] = [];
  asks.forEach((scope, k) => {
    if (words[k].length < 2) return;
    // In the order SQLite reads its "?": the match first, then the filters.
    const match = param(isPostgres() ? tsqueryTwoOf(words[k]) : fts5TwoOf(words[k]));
    const filters = [`p."status" = '${VISIBLE_STATUS}'`, `p."rootId" IS NULL`, `p."number" IS NOT NULL`];
    if (scope.articleId) filters.push(`p."articleId" = ${param(scope.articleId)}`);
    if (scope.answeredOnly) filters.push(`p."authorAnswered" = ${isPostgres() ? "true" : "1"}`);
    const exclude = (scope.exclude ?? []).filter((id) => Number.isSafeInteger(id));
    if (exclude.length > 0) filters.push(`p."id" NOT IN (${exclude.map((id) => param(id)).join(", ")})`);
    const where = filters.join(" AND ");
    parts.push(
      isPostgres()
        ? `SELECT * FROM (SELECT ${k} AS "k", ${COLUMNS}
             FROM "Post" p ${JOINS}, to_tsquery('english', ${match}) q
            WHERE p."searchVector" @@ q AND ${where}
            ORDER BY ts_rank(p."searchVector", q) DESC, p."id" DESC LIMIT ${CANDIDATES}) AS "c${k}"`
        : `SELECT * FROM (SELECT ${k} AS "k", ${COLUMNS}
             FROM "PostSearch" f JOIN "Post" p ON p."id" = f.rowid ${JOINS}
            WHERE "PostSearch" MATCH ${match} AND ${where}
            ORDER BY f.rank, p."id" DESC LIMIT ${CANDIDATES}) AS "c${k}"`,
    );
  });
  const found: Suggestion[][] = asks.map(() => []);
  if (parts.length === 0) return found;
  const rows = await db.$queryRawUnsafe<(Row & { k: number | bigint })[]>(parts.join(" UNION ALL "), ...params);
  if (rows.length === 0) return found;
  const texts = rows.map((row) => stemSet(row.bodySource));
  const asked = words.map((list) => new Set(list.map(stemOf)));
  const weight = await rarity(new Set([...asked.flatMap((a) => [...a]), ...texts.flatMap((t) => [...t])]));
  return asks.map((scope, k) => {
    const threshold = scope.threshold ?? SUGGESTION_THRESHOLD;
    const scored = rows
      .map((row, i) => ({ row, i }))
      .filter(({ row }) => Number(row.k) === k)
      .map(({ row, i }) => ({ row, score: likeness(asked[k], texts[i], weight) }))
      .filter(({ score }) => score >= threshold)
      .sort((a, b) => b.score - a.score || Number(b.row.id) - Number(a.row.id));
    // Far behind the best match is noise beside it.
    const best = scored[0]?.score ?? 0;
    return scored
      .filter(({ score }) => score >= best * RELATIVE_CUTOFF)
      .slice(0, scope.limit ?? MAX_SUGGESTIONS)
      .map(({ row, score }) => ({ ...shown(row, asked[k]), likeness: Math.round(score * 1000) / 1000 }));
  });
}

/** A suggestion less alike than this share of the best one is not shown. */
const RELATIVE_CUTOFF = 0.6;

/**
 * How telling each word is: rare words weigh more than common ones (an
 * inverse document frequency, log(1 + 1/share of posts with the word)), from
 * the engine's own counts, in one query: FTS5's vocabulary table on SQLite,
 * the lexeme statistics ANALYZE keeps for the tsvector column on PostgreSQL
 * (words it does not list are rarer than those it does).
 */
async function rarity(stems: Set<string>): Promise<(stem: string) => number> {
  const shares = isPostgres() ? await postgresShares() : await sqliteShares([...stems]);
  const weights = new Map<string, number>();
  return (stem) => {
    let w = weights.get(stem);
    if (w === undefined) {
      w = Math.log(1 + 1 / Math.max(shares.of(stem), 1e-6));
      weights.set(stem, w);
    }
    return w;
  };
}

type Shares = { of(stem: string): number };

async function sqliteShares(stems: string[]): Promise<Shares> {
  // Posts are never removed, so the highest id counts them (an index's last entry, not a count).
  const rows = await db.$queryRawUnsafe<{ term: string | null; doc: number | bigint; posts: number | bigint | null }[]>(
    `SELECT v."term", v."doc", (SELECT max("id") FROM "Post") AS "posts"
       FROM (SELECT NULL AS "term", 0 AS "doc"${stems.length ? ` UNION ALL SELECT "term", "doc" FROM "PostSearchTerms" WHERE "term" IN (${stems.map(() => "?").join(", ")})` : ""}) v`,
    ...stems,
  );
  const total = Math.max(1, Number(rows[0]?.posts ?? 1));
  const docs = new Map(rows.filter((r) => r.term !== null).map((r) => [r.term!, Number(r.doc)]));
  return { of: (stem) => Math.max(docs.get(stem) ?? 0, 0.5) / total };
}

async function postgresShares(): Promise<Shares> {
  const [row] = await db.$queryRawUnsafe<{ elems: string[] | null; freqs: number[] | null }[]>(
    `SELECT most_common_elems::text::text[] AS "elems", most_common_elem_freqs AS "freqs" FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'Post' AND attname = 'searchVector'`,
  );
  const elems = row?.elems ?? [];
  const freqs = (row?.freqs ?? []).map(Number);
  const shares = new Map(elems.map((term, i) => [term, freqs[i]]));
  // The array ends with the least and greatest frequency (and that of empty values).
  const rarest = elems.length > 0 ? freqs[elems.length] : 1;
  return { of: (stem) => shares.get(stem) ?? rarest / 2 };
}

/**
 * Builds the search index again from the posts' text (`npm run search:rebuild`,
 * after an import or a restore), and the statistics its weights come from.
 * The index is kept up to date as posts are written; this repairs or compacts it.
 */
export async function rebuildSearchIndex() {
  if (isPostgres()) {
    await db.$executeRawUnsafe(`REINDEX INDEX "Post_searchVector_idx"`);
  } else {
    await db.$executeRawUnsafe(`INSERT INTO "PostSearch" ("PostSearch") VALUES ('rebuild')`);
    await db.$executeRawUnsafe(`INSERT INTO "PostSearch" ("PostSearch") VALUES ('optimize')`);
  }
  await refreshSearchStatistics();
}

/** Counts words anew after many posts arrived at once (a seed, an import): PostgreSQL's ANALYZE. */
export async function refreshSearchStatistics() {
  if (isPostgres()) await db.$executeRawUnsafe(`ANALYZE "Post"`);
}

/** The articles (and their sections) a search can be narrowed to. */
export async function searchFilters() {
  const articles = await db.article.findMany({
    orderBy: { publishedAt: "desc" },
    select: {
      slug: true,
      title: true,
      sections: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { anchor: true, title: true } },
    },
  });
  return articles;
}

/**
 * The questions to show a reader writing `text` under an article: its
 * published questions like it, or every article's when it has none yet.
 * Null when there is no such article.
 */
export async function suggestWhileAsking(slug: string, text: string): Promise<Suggestion[] | null> {
  const article = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) return null;
  const asked = await db.post.findFirst({
    where: { articleId: article.id, parentId: null, status: VISIBLE_STATUS },
    select: { id: true },
  });
  return similarQuestions(text, { articleId: asked ? article.id : null });
}
