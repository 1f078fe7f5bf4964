/* global module */
// The folders of app/ form a stack (docs/decisions/0013): each may import from
// the layers below it, never from one above, and no two folders import each
// other. `npm run lint` runs this; a backward import fails it with the rule's
// name and both files. Type-only imports count: a type belongs to the layer
// that makes the data, and moves down rather than being borrowed from above.
const LAYERS = [
  // The base: the database client, settings, plain helpers.
  ["utils", "db", "generated", "styles", "db.server", "config.server"],
  // The app's shared words (statuses, addresses, roles) and leaf services.
  ["model", "security", "settings", "copyright", "content", "templates", "privacy"],
  ["auth"],
  ["mail"],
  ["articles"],
  // Articles that live on other sites, embedded there (embed.js).
  ["embed"],
  ["search"],
  ["posts"],
  ["moderation"],
  ["author", "feeds", "import", "backup"],
  // React: components render what the domain gives them.
  ["components"],
  // The article page's fast path renders components into kept pages.
  ["article-page"],
  // The app's edge: routes, the document, the server entry.
  ["routes", "root", "entry.server"],
];

const escape = (name) => name.replace(/[.]/g, "\\.");
const pattern = (names) => `^app/(${names.map(escape).join("|")})(/|\\.[a-z]+$)`;

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules import each other in a circle.",
      from: { path: "^app/" },
      to: { circular: true },
    },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `layer-${layer[0]}`,
      severity: "error",
      comment: `${layer.join(", ")} may import only from the layers below (.dependency-cruiser.cjs): never from ${LAYERS.slice(
        i + 1,
      )
        .flat()
        .join(", ")}.`,
      from: { path: pattern(layer) },
      to: { path: pattern(LAYERS.slice(i + 1).flat()) },
    })),
    {
      name: "article-page-door",
      severity: "error",
      comment:
        "The article page's fast path is reached through its door alone (app/article-page/render.server.tsx): nothing outside knows of kept bytes, splicing or hydration data.",
      from: { path: "^app/", pathNot: "^app/article-page/" },
      to: { path: "^app/article-page/", pathNot: "^app/article-page/render[.]server[.]tsx$" },
    },
    {
      name: "unknown-folder",
      severity: "error",
      comment: "Every folder of app/ has its place in the stack: add a new one to LAYERS.",
      from: { path: "^app/", pathNot: pattern(LAYERS.flat()) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^app/generated/|\\.test\\.tsx?$)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
