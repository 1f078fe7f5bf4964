// Search and similar questions, on the database's own full-text engine:
// SQLite's FTS5 table "PostSearch", PostgreSQL's "searchVector" column and its
// GIN index (prisma/*/migrations/*_search_index). Both are kept in the same
// transaction as the post they index. Only published posts of published
// threads are ever found; the words of a query reach the engine quoted, in an
// expression built by app/search/terms.ts.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { articleVersion, onArticlesChanged } from "~/articles/versions.server";
import { db } from "~/db.server";
import { databaseTarget } from "~/db/database-url";
import { questionPath } from "~/model/paths";
import { VISIBLE_STATUS } from "~/model/status";
import type { Found, Suggestion } from "~/search/found";
import {
  type Asked,
  MAX_QUERY_LENGTH,
  askedWords,
  excerpt,
  foldedStem,
  fts5AllOf,
  fts5TwoOf,
  likeness,
  postgresLexemeOf,
  significantWords,
  stemOf,
  tsqueryAllOf,
  tsqueryTwoOf,
} from "~/search/terms";

export const SEARCH_PAGE_SIZE = 10;
/** Similar questions shown at most (while asking, in the inbox). */
export const MAX_SUGGESTIONS = 5;
/**
 * How alike (app/search/terms.ts `likeness`) a question must be to be
 * suggested. Chosen on the two labelled sets, the short pairs of
 * tests/search/similar-pairs.ts and the long questions of
 * tests/search/long-questions.ts, whose tests keep what it gave.
 */
export const SUGGESTION_THRESHOLD = 0.3;
/** Candidates the engine ranks for a suggestion before they are compared word by word. */
const CANDIDATES = 15;

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
  meToo: number | bigint | null;
  answeredMarks: number | bigint | string | null;
  bodySource: string;
  publishedAt: Date | string | null;
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
    meToo: Number(row.meToo ?? 0),
    answeredMarks: Number(row.answeredMarks ?? 0),
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt).toISOString(),
    excerpt: excerpt(row.bodySource, stems),
  };
}

// The columns of a found post: its thread's number and section, who wrote it, the article.
const COLUMNS = `p."id", p."rootId", p."number", r."number" AS "rootNumber", a."slug", a."title" AS "articleTitle",
  s."title" AS "sectionTitle", COALESCE(u."displayName", p."guestName") AS "name",
  CASE WHEN p."userId" IS NOT NULL AND p."userId" = a."authorId" THEN 1 ELSE 0 END AS "byAuthor",
  COALESCE(r."authorAnswered", p."authorAnswered") AS "authorAnswered",
  COALESCE(r."replyCount", p."replyCount") AS "replyCount", COALESCE(r."meTooCount", p."meTooCount") AS "meToo",
  (SELECT COALESCE(SUM(x."answeredCount"), 0) FROM "Post" x
    WHERE x."rootId" = COALESCE(p."rootId", p."id") AND x."status" = '${VISIBLE_STATUS}') AS "answeredMarks",
  p."bodySource", p."publishedAt"`;
// What is shown of a post found, joined once the page's posts are chosen; a removed section's questions
// count as the whole article. (Where the index is read, on SQLite it comes first, by CROSS JOIN: left to
// choose, SQLite's planner read every published post and asked the index about each, 400 ms where
// reading the index's matches takes 2.)
const JOINS = `JOIN "Article" a ON a."id" = p."articleId"
  LEFT JOIN "Post" r ON r."id" = p."rootId"
  LEFT JOIN "Section" s ON s."id" = COALESCE(r."sectionId", p."sectionId") AND s."removedAt" IS NULL
  LEFT JOIN "User" u ON u."id" = p."userId"`;

export type SearchQuery = { q: string; article?: string | null; section?: string | null; page?: number };

export type SearchResult = {
  /** The words searched for, as the reader will recognise them. */
  words: string[];
  /** Set when the query had nothing to search for (only short or common words, symbols). */
  nothingToSearch: boolean;
  /** Results among the newest RANK_WINDOW posts holding the words. */
  total: number;
  /** Whether older posts hold the words too ("more than 300 results"). */
  more: boolean;
  page: number;
  pageCount: number;
  results: Found[];
};

/**
 * Posts ranked, counted and paged at most: a word in thousands of posts is
 * ranked among the newest this many that hold it (ranking reads every post it
 * ranks: 1,000 took 15 ms on PostgreSQL over 100,000 posts, 300 take 4);
 * rarer words, and most searches of several, rank every match.
 */
export const RANK_WINDOW = 300;

/**
 * What a post found by a search (`post`, the alias the statement gives it) must be: published, in a
 * published thread (its question read by one lookup), and of the article and section asked for.
 */
function foundFilters(post: string, query: SearchQuery, param: (value: unknown) => string): string[] {
  const root = (column: string) => `(SELECT r."${column}" FROM "Post" r WHERE r."id" = ${post}."rootId")`;
  const filters = [
    `${post}."status" = '${VISIBLE_STATUS}'`,
    `(${post}."rootId" IS NULL OR ${root("status")} = '${VISIBLE_STATUS}')`,
  ];
  if (query.article) {
    filters.push(`${post}."articleId" = (SELECT a."id" FROM "Article" a WHERE a."slug" = ${param(query.article)})`);
    if (query.section) {
      filters.push(`COALESCE(${root("sectionId")}, ${post}."sectionId") = (SELECT s."id" FROM "Section" s
        JOIN "Article" a ON a."id" = s."articleId"
        WHERE a."slug" = ${param(query.article)} AND s."anchor" = ${param(query.section)} AND s."removedAt" IS NULL)`);
    }
  }
  return filters;
}

/**
 * Published questions and answers containing every significant word of `q`
 * (in any form: "messages" finds "message"), best first, a page at a time.
 * On SQLite three queries (where the ranking starts, the count, the page),
 * on PostgreSQL one, whatever the number of posts.
 */
export async function searchPosts(query: SearchQuery): Promise<SearchResult> {
  const words = significantWords(query.q.slice(0, MAX_QUERY_LENGTH));
  if (words.length === 0) {
    return { words, nothingToSearch: true, total: 0, more: false, page: 1, pageCount: 1, results: [] };
  }
  if (isPostgres()) return searchPostgres(query, words);
  const expression = fts5AllOf(words);
  const { floor, beyond } = await rankWindow(expression, RANK_WINDOW);
  // The posts found are chosen reading the index, the post and its thread's question alone, one lookup
  // each; the columns shown are joined for the page's ten.
  const build = () => {
    const params: unknown[] = [expression];
    const param = (value: unknown) => {
      params.push(value);
      return "?";
    };
    const from = `FROM "PostSearch"(?) f CROSS JOIN "Post" p ON p."id" = f.rowid WHERE f.rowid >= ${idLiteral(floor)}`;
    const filters = foundFilters("p", query, param);
    return { sql: `${from} AND ${filters.join(" AND ")}`, params };
  };
  const counted = build();
  const [{ n }] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS "n" FROM (SELECT 1 ${counted.sql} LIMIT ${RANK_WINDOW}) AS "found"`,
    ...counted.params,
  );
  const more = beyond;
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  // A page past the end shows the last one.
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);
  const listed = build();
  const rows =
    total === 0
      ? []
      : await db.$queryRawUnsafe<Row[]>(
          `SELECT ${COLUMNS} FROM (SELECT p."id" AS "hit", -f.rank AS "score" ${listed.sql}
              ORDER BY "score" DESC, p."id" DESC LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}) AS h
            JOIN "Post" p ON p."id" = h."hit" ${JOINS}
            ORDER BY h."score" DESC, p."id" DESC`,
          ...listed.params,
        );
  const stems = new Set(words.map(stemOf));
  return { words, nothingToSearch: false, total, more, page, pageCount, results: rows.map((row) => shown(row, stems)) };
}

/**
 * PostgreSQL's search in one statement (each statement is planned afresh, and
 * the tsvector statistics make planning cost milliseconds): the newest
 * RANK_WINDOW posts holding the words (and whether there are older ones),
 * those readers may see, their count, and the page ranked among them.
 */
async function searchPostgres(query: SearchQuery, words: string[]): Promise<SearchResult> {
  const params: unknown[] = [tsqueryAllOf(words)];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const filters = foundFilters("f", query, param);
  // Sorting by an expression rather than the id keeps PostgreSQL from walking the posts by their id.
  const order = (await readWindowFromIndex(words)) ? `w."id" + 0` : `w."id"`;
  const asked = Math.max(1, Math.floor(query.page ?? 1));
  const run = (page: number) =>
    db.$queryRawUnsafe<(Row & { total: number | bigint; beyond: boolean; score: number })[]>(
      `WITH m AS MATERIALIZED (
         SELECT w."id" FROM "Post" w
          WHERE w."searchVector" @@ to_tsquery('english', $1) ORDER BY ${order} DESC LIMIT ${RANK_WINDOW + 1}
       ), found AS MATERIALIZED (
         SELECT f."id", ts_rank(f."searchVector", to_tsquery('english', $1)) AS "score" FROM m JOIN "Post" f ON f."id" = m."id"
          WHERE m."id" > COALESCE((SELECT min(o."id") FROM m o HAVING count(*) > ${RANK_WINDOW}), 0)
            AND ${filters.join(" AND ")}
       ), counted AS (SELECT count(*) AS "total", (SELECT count(*) FROM m) > ${RANK_WINDOW} AS "beyond" FROM found)
       SELECT counted."total", counted."beyond", h."score", ${COLUMNS}
         FROM counted LEFT JOIN (
           SELECT * FROM found ORDER BY "score" DESC, "id" DESC
            LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(Math.min(page, Math.ceil(RANK_WINDOW / SEARCH_PAGE_SIZE)) - 1) * SEARCH_PAGE_SIZE}
         ) AS h ON true
         LEFT JOIN "Post" p ON p."id" = h."id" ${JOINS.replace(/^JOIN/, "LEFT JOIN")}
        ORDER BY h."score" DESC, p."id" DESC`,
      ...params,
    );
  let rows = await run(asked);
  const total = Number(rows[0]?.total ?? 0);
  const more = Boolean(rows[0]?.beyond);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  // A page past the end shows the last one (asked again: the count came with the page).
  const page = Math.min(asked, pageCount);
  if (page !== asked && total > 0) rows = await run(page);
  const stems = new Set(words.map(stemOf));
  const results = rows.filter((row) => row.id !== null).map((row) => shown(row, stems));
  return { words, nothingToSearch: false, total, more, page, pageCount, results };
}

/**
 * A window's first id, written into the statement as an integer: bound as a
 * parameter it reached SQLite as a REAL (or text), and FTS5 then read every
 * match to compare it, 30 ms where the window takes 2. It is an id the
 * database gave, checked to be one.
 */
function idLiteral(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new Error(`Not an id: ${id}`);
  return String(id);
}

/**
 * SQLite: where the newest `window` matches of an FTS5 expression start (0
 * when it has fewer), and whether older ones lie beyond: ranking is then asked
 * for those alone, and FTS5 reads no match older than that.
 */
async function rankWindow(expression: string, window: number): Promise<{ floor: number; beyond: boolean }> {
  const [row] = await db.$queryRawUnsafe<{ floor: number | bigint | null; beyond: number | bigint | null }[]>(
    `SELECT (SELECT rowid FROM "PostSearch"(?) ORDER BY rowid DESC LIMIT 1 OFFSET ${window - 1}) AS "floor",
       (SELECT rowid FROM "PostSearch"(?) ORDER BY rowid DESC LIMIT 1 OFFSET ${window}) AS "beyond"`,
    expression,
    expression,
  );
  return { floor: Number(row?.floor ?? 0), beyond: row?.beyond != null };
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
  // What is kept is keyed by the article's version: any change to what it shows (a post published or hidden, an
  // answer, a mark) moves it, so a kept answer is never older than the article. One small query per article.
  const articles = [...new Set(asks.flatMap((ask) => (ask.articleId ? [ask.articleId] : [])))];
  const versions = new Map(
    await Promise.all(articles.map(async (id) => [id, await articleVersion({ id: id })] as const)),
  );
  const keys = asks.map((ask) => {
    const version = ask.articleId ? versions.get(ask.articleId) : null;
    if (!version) return null;
    const { text, ...scope } = ask;
    return `${version}|${JSON.stringify(scope)}|${createHash("sha256").update(text).digest("base64url")}`;
  });
  const found = keys.map((key) => (key ? kept.get(key) : undefined));
  const missing = asks.flatMap((ask, k) => (found[k] === undefined ? [k] : []));
  if (missing.length > 0) {
    const fresh = await computeSimilar(missing.map((k) => asks[k]));
    missing.forEach((k, i) => {
      found[k] = fresh[i];
      if (keys[k]) kept.set(keys[k]!, fresh[i]);
    });
  }
  return found as Suggestion[][];
}

/**
 * Suggestions as last computed for a question's text and scope at an
 * article's version: the inbox and the queue show the same questions request
 * after request, and their comparison is most of those pages' time.
 */
const kept = new LRUCache<string, Suggestion[]>({ max: 5000, ttl: 10 * 60_000 });

/** The suggestions computed afresh, nothing kept (what a reader's new text costs; `npm run bench:search` times it). */
export async function computeSimilar(asks: (SimilarScope & { text: string })[]): Promise<Suggestion[][]> {
  const found: Suggestion[][] = asks.map(() => []);
  const askedOf = asks.map((ask) => askedWords(ask.text));
  const words = askedOf.map((list) => list.map(({ word }) => word));
  if (words.every((list) => list.length < 2)) return found;
  const asked: Asked[] = askedOf.map((list) => new Map(list.map(({ stem, asking }) => [stem, asking])));
  const rare = await rarity(words.flat());
  // The engine is asked for the most telling words only (the rarest, of what is asked rather than of the
  // story around it), and ranks far fewer posts.
  const telling = askedOf.map((list) =>
    list
      .filter(({ stem }) => rare.indexed(stem))
      .sort((a, b) => rare.weight(b.stem) * b.asking - rare.weight(a.stem) * a.asking)
      .slice(0, engineTerms(list.length > LONG_QUESTION_WORDS))
      .map(({ word }) => word),
  );
  const expressions = telling.map((list, k) =>
    words[k].length < 2 || list.length < 2 ? null : isPostgres() ? tsqueryTwoOf(list) : fts5TwoOf(list),
  );
  const asking = expressions.flatMap((expression, k) => (expression === null ? [] : [k]));
  if (asking.length === 0) return found;
  const rows = await findCandidates(asks, expressions, asking);
  const candidateWords = rows.map((row) => askedWords(row.bodySource));
  const texts: Asked[] = candidateWords.map((list) => new Map(list.map(({ stem, asking }) => [stem, asking])));
  // The candidates' own words are weighed too: how much of a long story a short question is depends on how
  // telling the story's other words are.
  const known = new Set(words.flat().map(foldedStem));
  const others = [
    ...new Map(
      candidateWords
        .flat()
        .filter(({ stem }) => !known.has(stem))
        .map((w) => [w.stem, w.word]),
    ).values(),
  ];
  const rareToo = others.length > 0 ? await rarity(others) : null;
  const weigh = (stem: string) => (known.has(stem) || !rareToo ? rare.weight(stem) : rareToo.weight(stem));
  return asks.map((scope, k) => {
    const threshold = scope.threshold ?? SUGGESTION_THRESHOLD;
    const scored = rows
      .map((row, i) => ({ row, i }))
      .filter(({ row }) => Number(row.k) === k)
      .map(({ row, i }) => ({ row, score: likeness(asked[k], texts[i], weigh) }))
      .filter(({ score }) => score >= threshold)
      .sort((a, b) => b.score - a.score || Number(b.row.id) - Number(a.row.id));
    // Far behind the best match is noise beside it.
    const best = scored[0]?.score ?? 0;
    // Of those alike enough, questions whose answer readers marked as answering them come first.
    const answered = (row: Row) => Boolean(Number(row.authorAnswered)) && Number(row.answeredMarks ?? 0) > 0;
    return scored
      .filter(({ score }) => score >= best * RELATIVE_CUTOFF)
      .sort((a, b) => Number(answered(b.row)) - Number(answered(a.row)) || b.score - a.score)
      .slice(0, scope.limit ?? MAX_SUGGESTIONS)
      .map(({ row, score }) => ({
        ...shown(row, new Set(asked[k].keys())),
        likeness: Math.round(score * 1000) / 1000,
      }));
  });
}

/**
 * The engine's candidates for each question asked (`asking`: the indices of
 * `asks` with an expression), in one query: CANDIDATES of each, best ranked
 * first, chosen from the question alone; what is shown of them joined after.
 */
async function findCandidates(
  asks: (SimilarScope & { text: string })[],
  expressions: (string | null)[],
  asking: number[],
): Promise<(Row & { k: number | bigint })[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return isPostgres() ? `$${params.length}` : "?";
  };
  const parts: string[] = [];
  asking.forEach((k) => {
    const scope = asks[k];
    // In the order SQLite reads its "?": the match first, then the filters.
    const match = param(expressions[k]);
    const filters = [`p."status" = '${VISIBLE_STATUS}'`, `p."rootId" IS NULL`, `p."number" IS NOT NULL`];
    if (scope.articleId) filters.push(`p."articleId" = ${param(scope.articleId)}`);
    if (scope.answeredOnly) filters.push(`p."authorAnswered" = ${isPostgres() ? "true" : "1"}`);
    const exclude = (scope.exclude ?? []).filter((id) => Number.isSafeInteger(id));
    if (exclude.length > 0) filters.push(`p."id" NOT IN (${exclude.map((id) => param(id)).join(", ")})`);
    const where = filters.join(" AND ");
    // The candidates are chosen from the question alone; what is shown of them is joined after.
    parts.push(
      isPostgres()
        ? `SELECT * FROM (SELECT ${k} AS "k", p."id" AS "hit"
             FROM "Post" p, to_tsquery('english', ${match}) q
            WHERE p."searchVector" @@ q AND ${where}
            ORDER BY ts_rank(p."searchVector", q) DESC, p."id" DESC LIMIT ${CANDIDATES}) AS "c${k}"`
        : `SELECT * FROM (SELECT ${k} AS "k", p."id" AS "hit"
             FROM "QuestionSearch" f CROSS JOIN "Post" p ON p."id" = f.rowid
            WHERE "QuestionSearch" MATCH ${match} AND ${where}
            ORDER BY f.rank, p."id" DESC LIMIT ${CANDIDATES}) AS "c${k}"`,
    );
  });
  if (parts.length === 0) return [];
  return db.$queryRawUnsafe<(Row & { k: number | bigint })[]>(
    `SELECT c."k", ${COLUMNS} FROM (${parts.join(" UNION ALL ")}) AS c JOIN "Post" p ON p."id" = c."hit" ${JOINS}`,
    ...params,
  );
}

/** A question with more significant words than this is a story: the engine is asked for more of them. */
const LONG_QUESTION_WORDS = 16;

/** A suggestion less alike than this share of the best one is not shown. */
const RELATIVE_CUTOFF = 0.85;

/**
 * Words the engine is asked for, per question: on SQLite the 4 rarest (6 pairs; 6 words found few more
 * rephrasings at three times the cost). PostgreSQL's statistics do not tell a rare word from one no
 * post has, so it is asked for 5: on the labelled pairs 4 found 77 rephrasings of 97, 5 found 85 and
 * 6 found 86, in twice the time of 5 (a pair of common words matches thousands of questions).
 * A story (more than LONG_QUESTION_WORDS words) is asked for its 7 most telling (21 pairs): at 100,000
 * posts 10 found the short old question of 30 of the 42 labelled stories instead of 20, but took 47 ms at
 * the 95th percentile where 7 take 18 (the engine ranks every post matching a pair).
 */
const engineTerms = (long = false) => (long ? 7 : isPostgres() ? 5 : 4);
/**
 * The weight of a word of a suggested question that the question asked does
 * not have: as of a word in 1% of posts. (Counting every word of every
 * candidate would cost more than the rest of the lookup.)
 */
const OTHER_WORD_WEIGHT = Math.log(1 + 100);

type Rarity = {
  /** How telling a word is: log(1 + 1/share of posts holding it). */
  weight(stem: string): number;
  /** Whether any post holds the word (SQLite knows; PostgreSQL's statistics list only common words). */
  indexed(stem: string): boolean;
};

/**
 * How telling each word asked is: rare words weigh more than common ones (an
 * inverse document frequency, log(1 + 1/share of posts with the word)), from
 * the engine's own counts: FTS5's vocabulary table on SQLite, the lexeme
 * statistics ANALYZE keeps for the tsvector column on PostgreSQL (words it
 * does not list are rarer than those it does).
 */
async function rarity(words: string[]): Promise<Rarity> {
  // Each engine counts words by its own stems; they are weighed under FTS5's, by which texts are compared.
  const key = isPostgres() ? postgresLexemeOf : stemOf;
  const { shares, absent } = isPostgres()
    ? await postgresStatistics()
    : await sqliteShares([...new Set(words.map(key))]);
  const weights = new Map<string, number>();
  const counted = new Set<string>();
  for (const word of words) {
    const share = shares.get(key(word));
    weights.set(foldedStem(word), Math.log(1 + 1 / Math.max(share ?? absent, 1e-6)));
    if (share !== undefined) counted.add(foldedStem(word));
  }
  return {
    weight: (stem) => weights.get(stem) ?? OTHER_WORD_WEIGHT,
    indexed: (stem) => counted.has(stem) || isPostgres(),
  };
}

/** The share of posts holding each word counted, and the share assumed of a word not counted. */
type Shares = { shares: Map<string, number>; absent: number };

/**
 * SQLite: how many posts hold each word, as FTS5's vocabulary counted it, kept
 * for STATISTICS_MAX_AGE_MS as PostgreSQL's statistics are (they move slowly,
 * and a long question's candidates bring hundreds of words, which cost 10 to
 * 20 ms to count each time). Forgotten on any write this instance hears of,
 * and by refreshSearchStatistics.
 */
const STATISTICS_MAX_AGE_MS = 60_000;
const termCounts = new LRUCache<string, number>({ max: 100_000, ttl: STATISTICS_MAX_AGE_MS });
const postCount = new LRUCache<"posts", number>({ max: 1, ttl: STATISTICS_MAX_AGE_MS });
onArticlesChanged(() => {
  termCounts.clear();
  postCount.clear();
});

async function sqliteShares(stems: string[]): Promise<Shares> {
  const unknown = stems.filter((stem) => !termCounts.has(stem));
  let total = postCount.get("posts");
  if (unknown.length > 0 || total === undefined) {
    // Posts are never removed, so the highest id counts them (an index's last entry, not a count).
    const rows = await db.$queryRawUnsafe<
      { term: string | null; doc: number | bigint; posts: number | bigint | null }[]
    >(
      `SELECT v."term", v."doc", (SELECT max("id") FROM "Post") AS "posts"
         FROM (SELECT NULL AS "term", 0 AS "doc"${unknown.length ? ` UNION ALL SELECT "term", "doc" FROM "PostSearchTerms" WHERE "term" IN (${unknown.map(() => "?").join(", ")})` : ""}) v`,
      ...unknown,
    );
    for (const stem of unknown) termCounts.set(stem, 0);
    for (const row of rows) if (row.term !== null) termCounts.set(row.term, Number(row.doc));
    total = Math.max(1, Number(rows[0]?.posts ?? 1));
    postCount.set("posts", total);
  }
  const shares = new Map(
    stems.flatMap((stem) => {
      const count = termCounts.get(stem) ?? 0;
      return count > 0 ? [[stem, count / total] as const] : [];
    }),
  );
  return { shares, absent: 0.5 / total };
}

/**
 * PostgreSQL's statistics change only when ANALYZE runs (autovacuum, or
 * refreshSearchStatistics), and reading them (a thousand words) costs a few
 * milliseconds: an instance reads them once in this long.
 */
/** One read of them at a time, kept for STATISTICS_MAX_AGE_MS; a failed read is not kept. */
const statistics = new LRUCache<"posts", Shares & { posts: number }>({
  max: 1,
  ttl: STATISTICS_MAX_AGE_MS,
  fetchMethod: () => readPostgresStatistics(),
});

async function readPostgresStatistics(): Promise<Shares & { posts: number }> {
  const [row] = await db.$queryRawUnsafe<{ elems: string[] | null; freqs: number[] | null; posts: number | null }[]>(
    `SELECT s."most_common_elems"::text::text[] AS "elems", s."most_common_elem_freqs" AS "freqs",
         (SELECT c."reltuples" FROM pg_class c WHERE c."oid" = '"Post"'::regclass) AS "posts"
         FROM (SELECT 1) AS one LEFT JOIN pg_stats s ON s."schemaname" = current_schema()
          AND s."tablename" = 'Post' AND s."attname" = 'searchVector'`,
  );
  const elems = row?.elems ?? [];
  const freqs = (row?.freqs ?? []).map(Number);
  const shares = new Map(elems.map((term, i) => [term, freqs[i]]));
  // The array ends with the least and greatest frequency (and that of empty values).
  const rarest = elems.length > 0 ? freqs[elems.length] : 1;
  // reltuples is -1 before the table was first analyzed.
  return { shares, absent: rarest / 2, posts: Math.max(0, Number(row?.posts ?? 0)) };
}

/** PostgreSQL's lexeme statistics of the posts' tsvector, and about how many posts there are. */
async function postgresStatistics(): Promise<Shares & { posts: number }> {
  return (await statistics.fetch("posts").catch(() => undefined)) ?? readPostgresStatistics();
}

/**
 * PostgreSQL: whether the newest RANK_WINDOW posts holding `words` are best
 * read from the index (all of them, then sorted) rather than by walking the
 * posts newest first and testing each. The planner walks whenever it expects
 * the window to fill before long, and for a word in 2% of posts it tested
 * 40,000 posts (14 ms) where reading the word's 2,000 from the index and
 * sorting them took 5. Reading a post from the index costs about four times
 * testing one, so the index is read when four times the posts holding the
 * rarest word are fewer than the posts a walk would test.
 */
async function readWindowFromIndex(words: string[]): Promise<boolean> {
  const { shares, absent, posts } = await postgresStatistics();
  const share = Math.max(Math.min(...words.map((word) => shares.get(postgresLexemeOf(word)) ?? absent)), 1e-6);
  return 4 * share * posts < RANK_WINDOW / share;
}

/**
 * Builds the search index again from the posts' text (`npm run search:rebuild`,
 * after an import or a restore), and the statistics its weights come from.
 * The index is kept up to date as posts are written; this repairs or compacts it.
 */
export async function rebuildSearchIndex() {
  if (isPostgres()) {
    await db.$executeRawUnsafe(`REINDEX INDEX "Post_searchVector_idx"`);
    await db.$executeRawUnsafe(`REINDEX INDEX "Post_questionSearch_idx"`);
  } else {
    await db.$executeRawUnsafe(`INSERT INTO "PostSearch" ("PostSearch") VALUES ('rebuild')`);
    await db.$executeRawUnsafe(`INSERT INTO "PostSearch" ("PostSearch") VALUES ('optimize')`);
    // The questions' index holds some of its content table's rows: emptied, then filled with them.
    await db.$transaction([
      db.$executeRawUnsafe(`INSERT INTO "QuestionSearch" ("QuestionSearch") VALUES ('delete-all')`),
      db.$executeRawUnsafe(
        `INSERT INTO "QuestionSearch" (rowid, "searchText") SELECT "id", "searchText" FROM "Post"
          WHERE "status" = '${VISIBLE_STATUS}' AND "rootId" IS NULL`,
      ),
      db.$executeRawUnsafe(`INSERT INTO "QuestionSearch" ("QuestionSearch") VALUES ('optimize')`),
    ]);
  }
  await refreshSearchStatistics();
}

/** Counts words anew after many posts arrived at once (a seed, an import): PostgreSQL's ANALYZE. */
export async function refreshSearchStatistics() {
  termCounts.clear();
  postCount.clear();
  if (!isPostgres()) return;
  await db.$executeRawUnsafe(`ANALYZE "Post"`);
  statistics.clear();
}

/**
 * How long an instance keeps the articles and sections a search can be
 * narrowed to. It forgets them at once when it hears of a change (its own
 * writes, other instances' on PostgreSQL: app/articles/change-feed.server.ts);
 * this bounds what it shows after a change it cannot hear of (`npm run
 * content:sync` beside a running SQLite instance).
 */
const FILTERS_MAX_AGE_MS = 10_000;
const filters = new LRUCache<"all", Awaited<ReturnType<typeof readSearchFilters>>>({
  max: 1,
  ttl: FILTERS_MAX_AGE_MS,
  fetchMethod: () => readSearchFilters(),
});
onArticlesChanged(() => filters.clear());

/** The articles (and their sections) a search can be narrowed to; a failed read is not kept. */
export async function searchFilters() {
  // One dropped by a change while in flight is read again here.
  return (await filters.fetch("all").catch(() => undefined)) ?? readSearchFilters();
}

function readSearchFilters() {
  return db.article.findMany({
    orderBy: { publishedAt: "desc" },
    select: {
      slug: true,
      title: true,
      sections: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { anchor: true, title: true } },
    },
  });
}

/**
 * The questions to show a reader writing `text` under an article: its
 * published questions like it, or every article's when it has none yet.
 * Null when there is no such article.
 */
export async function suggestWhileAsking(slug: string, text: string): Promise<Suggestion[] | null> {
  // The article and whether it has a published question, in one lookup (this is asked as the reader types).
  const [article] = await db.$queryRaw<{ id: string; asked: boolean | number | bigint }[]>`
    SELECT a."id", EXISTS (SELECT 1 FROM "Post" p WHERE p."articleId" = a."id" AND p."parentId" IS NULL
      AND p."status" = ${VISIBLE_STATUS}) AS "asked"
    FROM "Article" a WHERE a."slug" = ${slug}`;
  if (!article) return null;
  return similarQuestions(text, { articleId: Number(article.asked) ? article.id : null });
}
