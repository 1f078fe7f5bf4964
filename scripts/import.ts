// npm run import -- wordpress <file.xml|.xml.gz> [--dry-run] [--articles 12,old-slug] [--keep-pingbacks]
//                                              [--keep-articles-on-site]
// npm run import -- disqus <file.xml|.xml.gz> --map <map.csv> [--dry-run]
// Brings an old site's conversations in; see the README, "Moving from WordPress or Disqus".
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { db } from "~/db.server";
import { ImportFileError, runImport } from "~/import/import.server";
import { formatReport } from "~/import/report";
import { rebuildSearchIndex } from "~/search/search.server";

const usage = `Usage:
  npm run import -- wordpress <export.xml|export.xml.gz> [--dry-run] [--articles <id or slug>,…] [--keep-pingbacks]
                              [--keep-articles-on-site]  (each post stays on its site; embed.js shows its thread)
  npm run import -- disqus <export.xml|export.xml.gz> --map <map.csv> [--dry-run]`;

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean" },
      map: { type: "string" },
      articles: { type: "string" },
      "keep-pingbacks": { type: "boolean" },
      "content-dir": { type: "string" },
      "keep-articles-on-site": { type: "boolean" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [format, file, ...extra] = parsed.positionals;
if ((format !== "wordpress" && format !== "disqus") || !file || extra.length) {
  console.error(usage);
  process.exit(2);
}

const bar = new SingleBar({
  format: "Importing [{bar}] {percentage}% · {value}/{total} posts · {eta_formatted} left",
  hideCursor: true,
  noTTYOutput: false,
  stream: process.stderr,
});
const onTerminal = process.stderr.isTTY;

try {
  const report = await runImport({
    format,
    file,
    dryRun: parsed.values["dry-run"],
    map: parsed.values.map,
    articles: parsed.values.articles
      ?.split(",")
      .map((a) => a.trim())
      .filter(Boolean),
    keepPingbacks: parsed.values["keep-pingbacks"],
    contentDir: parsed.values["content-dir"],
    keepArticlesOnSite: parsed.values["keep-articles-on-site"],
    progress: onTerminal
      ? { start: (total) => bar.start(total, 0), advance: (n) => bar.increment(n), stop: () => bar.stop() }
      : undefined,
  });
  console.log(formatReport(report));
  if (!parsed.values["dry-run"]) {
    // Imported posts are indexed as they are written; the rebuild compacts the index and counts its words anew.
    await rebuildSearchIndex();
    console.log("Search index rebuilt.");
  }
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  console.error(`Nothing was imported. ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
