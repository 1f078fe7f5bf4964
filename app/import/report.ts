// What an import did, or would do (--dry-run): the same report either way.
import { POST_STATUSES, type PostStatus } from "~/model/status";

export type ArticleReport = {
  slug: string;
  title: string;
  /** new: the import writes its Markdown file; existing: its posts join an article already here. */
  state: "new" | "existing";
  posts: Record<PostStatus, number>;
  alreadyImported: number;
  byAuthor: number;
  /** Questions filed under the section their words match best, for the author to confirm. */
  suggestedSections: number;
  orphans: number;
  capped: number;
  repeated: number;
};

export type AuthorReport = {
  name: string;
  email: string | null;
  account: "existing" | "created" | "to create" | "none";
};

export type ImportReport = {
  format: "wordpress" | "disqus";
  file: string;
  dryRun: boolean;
  articles: ArticleReport[];
  authors: AuthorReport[];
  /** What was left out, by reason, with how many. */
  skipped: Record<string, number>;
  notes: string[];
};

export function newReport(format: ImportReport["format"], file: string, dryRun: boolean): ImportReport {
  return { format, file, dryRun, articles: [], authors: [], skipped: {}, notes: [] };
}

export function skip(report: ImportReport, reason: string, count = 1) {
  report.skipped[reason] = (report.skipped[reason] ?? 0) + count;
}

export function emptyCounts(): Record<PostStatus, number> {
  return Object.fromEntries(POST_STATUSES.map((status) => [status, 0])) as Record<PostStatus, number>;
}

export function totals(report: ImportReport) {
  const posts = emptyCounts();
  let alreadyImported = 0;
  for (const article of report.articles) {
    for (const status of POST_STATUSES) posts[status] += article.posts[status];
    alreadyImported += article.alreadyImported;
  }
  const all = POST_STATUSES.reduce((sum, status) => sum + posts[status], 0);
  return { posts, all, alreadyImported };
}

const counts = (posts: Record<PostStatus, number>) =>
  POST_STATUSES.filter((status) => posts[status])
    .map((status) => `${posts[status]} ${status}`)
    .join(", ") || "none";

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const { posts, all, alreadyImported } = totals(report);
  lines.push(
    `${report.dryRun ? "Dry run (nothing written)" : "Imported"}: ${report.format} export ${report.file}`,
    `Articles: ${report.articles.length} (${report.articles.filter((a) => a.state === "new").length} new)`,
    `Posts ${report.dryRun ? "to import" : "imported"}: ${all} (${counts(posts)})` +
      (alreadyImported ? `; ${alreadyImported} already imported by an earlier run, left as they are` : ""),
  );
  for (const article of report.articles) {
    const extra = [
      article.byAuthor ? `${article.byAuthor} by the author` : "",
      article.suggestedSections ? `${article.suggestedSections} question(s) filed under a suggested section` : "",
      article.orphans ? `${article.orphans} whose parent is not in the export, attached to the thread` : "",
      article.capped ? `${article.capped} deeper than five levels, shown at the fifth` : "",
      article.repeated ? `${article.repeated} repeated in the file, kept once` : "",
      article.alreadyImported ? `${article.alreadyImported} already imported` : "",
    ].filter(Boolean);
    lines.push(
      `  ${article.slug} (${article.state}): ${counts(article.posts)}${extra.length ? `; ${extra.join("; ")}` : ""}`,
    );
  }
  if (report.authors.length) {
    lines.push("Authors:");
    const account = {
      existing: "matched to the account with this email",
      created: "account created without a password (they choose one through “Forgot your password?”)",
      "to create": "an account will be created without a password",
      none: "no email in the export: their comments keep their name but are not marked “Post author”",
    };
    for (const author of report.authors) {
      lines.push(`  ${author.name}${author.email ? ` <${author.email}>` : ""}: ${account[author.account]}`);
    }
  }
  const skipped = Object.entries(report.skipped);
  if (skipped.length) {
    lines.push("Left out:");
    for (const [reason, count] of skipped) lines.push(`  ${count} ${reason}`);
  }
  for (const note of report.notes) lines.push(`Note: ${note}`);
  if (report.articles.some((a) => a.suggestedSections)) {
    lines.push(
      "Suggested sections are marked as such: the author (or an admin) confirms or changes each at /author/sections, “Sections to confirm” in the inbox.",
    );
  }
  return lines.join("\n");
}
