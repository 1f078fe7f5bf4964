// Every route of the app, read from app/routes itself, so that a test built on
// this catalog covers a route added tomorrow without being edited: its
// address (with the dynamic segments named), whether it answers GET (a loader)
// and POST (an action), and the intents and field names the app's forms use.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export type RouteEntry = {
  /** The route's file name, as Remix reads it. */
  id: string;
  /** The address with its dynamic segments as `$name` (`$` alone for a splat). */
  pattern: string;
  params: string[];
  loader: boolean;
  action: boolean;
  /** The route's source, the modules beside it (a folder route's data.server.ts) and the app modules they import. */
  source: string;
};

export function routeCatalog(dir = "app/routes"): RouteEntry[] {
  return readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const folder = entry.isDirectory();
    const id = folder ? entry.name : entry.name.replace(/\.tsx?$/, "");
    const file = folder ? path.join(dir, entry.name, "route.tsx") : path.join(dir, entry.name);
    const source = folder
      ? readdirSync(path.join(dir, entry.name))
          .map((name) => readFileSync(path.join(dir, entry.name, name), "utf8"))
          .join("\n")
      : readFileSync(file, "utf8");
    const routeSource = readFileSync(file, "utf8");
    // The app modules the route imports, one step deep: where its forms' schemas live.
    const imported = [...source.matchAll(/from "~\/([\w./-]+)"/g)]
      .map((m) => ["ts", "tsx"].map((ext) => `app/${m[1]}.${ext}`).find((f) => existsSync(f)))
      .filter((f): f is string => Boolean(f))
      .map((f) => readFileSync(f, "utf8"));
    const segments = id
      .replace(/\[(.*?)\]/g, (_, literal: string) => literal.replace(/\./g, "\u2024"))
      .split(".")
      .map((segment) => segment.replace(/\u2024/g, "."))
      .filter((segment) => segment !== "_index" && !(segment.startsWith("_") && !segment.startsWith("_.")))
      .map((segment) => (segment.endsWith("_") ? segment.slice(0, -1) : segment));
    return {
      id,
      pattern: "/" + segments.join("/"),
      params: segments.filter((s) => s.startsWith("$")).map((s) => (s === "$" ? "*" : s.slice(1))),
      loader: /export (async function|const|function) loader\b/.test(routeSource),
      action: /export (async function|const|function) action\b/.test(routeSource),
      source: [source, ...imported].join("\n"),
    };
  });
}

/** Fills a pattern's dynamic segments; `$` (a splat) takes values["*"]. */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\$(\w*)/g, (_, name: string) => values[name || "*"] ?? "x");
}

/** Every intent value and form field name written anywhere in the app's sources. */
export function formVocabulary(dir = "app"): { intents: string[]; fields: string[] } {
  const intents = new Set<string>();
  const fields = new Set<string>(["intent"]);
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(file);
        continue;
      }
      if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith(".test.ts")) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/z\.enum\(\[([^\]]*)\]/g))
        for (const v of m[1].matchAll(/"([^"]+)"/g)) intents.add(v[1]);
      for (const m of text.matchAll(/(?:intent === |z\.literal\(|case )"([\w:-]+)"/g)) intents.add(m[1]);
      for (const m of text.matchAll(/\b(\w+): z\./g)) fields.add(m[1]);
      for (const m of text.matchAll(/\bname="(\w+)"/g)) fields.add(m[1]);
    }
  };
  walk(dir);
  return { intents: [...intents].sort(), fields: [...fields].sort() };
}
