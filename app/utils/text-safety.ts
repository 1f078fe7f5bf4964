// What a person's text may hold, the same rule at every door (the forms, the
// import) and again where it leaves as XML (the feeds). XML 1.0 cannot hold
// the C0 control characters other than tab, newline and return, lone
// surrogates, or the non-characters U+FFFE and U+FFFF: one of them in one
// name or post made a whole feed unreadable. Bidi controls (U+202A–U+202E,
// U+2066–U+2069) in a name turn the text around it ("‮evil‬" reads "live").
// Names must hold something visible: a name of zero-width spaces shows as nothing.

/** Characters XML 1.0 cannot hold (with the `u` flag a lone surrogate is matched too). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** The embedding, override and isolate controls. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** A letter, digit, mark-bearing symbol or punctuation: something a reader can see. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The text without the characters XML cannot hold: for bodies at intake and import, and everything a feed writes. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}

/** What is wrong with a name a person typed, if anything (before `cleanName`). */
export function nameProblem(name: string): string | null {
  if (new RegExp(NOT_XML.source, "u").test(name)) {
    return "Your name contains control characters, which cannot be shown. Please type it again without them.";
  }
  if (!VISIBLE.test(name.replace(BIDI_CONTROLS, ""))) {
    return "Please give a name with at least one letter or digit that readers can see.";
  }
  return null;
}

/** A name as it is kept: without bidi controls, its spaces trimmed. Names that fail `nameProblem` are refused first. */
export function cleanName(name: string): string {
  return name.replace(BIDI_CONTROLS, "").trim();
}

/** A name from an imported file: what can be kept of it, or `fallback` when nothing visible is left. */
export function importedName(name: string, fallback: string): string {
  const kept = cleanName(xmlText(name));
  return VISIBLE.test(kept) ? kept : fallback;
}

/** Text for an HTML context inside XML (an Atom `type="html"` title): escaped, so no `]]>` or tag survives. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Sanitised HTML for a CDATA section: no character XML cannot hold, and no `]]>` to end the section early. */
export function htmlForCdata(html: string): string {
  return xmlText(html).replaceAll("]]>", "]]&gt;");
}
