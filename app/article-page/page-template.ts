// A kept article page cut into what every reader shares and the slots where a
// reader's own parts go (app/article-page/personal-page.server.tsx). Pure string
// work, done once when the page is kept.
//
// The kept render carries marks (app/components/page-regions.tsx) and a
// stand-in nonce. The marks name where the header's account links, the forms,
// the reader's pending questions and each thread start; the stand-in nonce
// shows where each script's nonce goes; the one data script's argument is the
// slot for the reader's own hydration data.

import { type Piece, compressedPiece, plainPiece } from "~/article-page/gzip-pieces";
import { DATA_SCRIPT_PREFIX } from "~/article-page/internals";

export type TemplatePart =
  | { piece: Piece }
  | { nonce: true }
  | { data: true }
  /** Shared bytes a reader's own version may replace (`region` names it). */
  | { region: string; piece: Piece }
  /** Nothing in the shared page; a reader's own part may go here. */
  | { point: string };

export type PageTemplate = { parts: TemplatePart[]; regions: Set<string> };

const DATA_PREFIX = DATA_SCRIPT_PREFIX;
const DATA_SUFFIX = ");</script>";

/** Parts that only replace shared bytes (a mark's content runs to the next mark). */
const isRegion = (name: string) => name === "nav" || name === "forms" || threadOf(name) !== null;

/** The thread a mark's name is the start of (`thread:<id>`), or null. */
export function threadOf(name: string): number | null {
  return name.startsWith("thread:") ? Number(name.slice("thread:".length)) : null;
}
const POINTS = new Set(["pending"]);

/** The marks of a kept render (app/components/page-regions.tsx), each with its name. */
export const markPattern = (token: string) => new RegExp(`\uE000${token}:([^\uE001]*)\uE001`, "g");

/** The page every reader gets: the kept render without its marks and stand-in nonces. */
export function sharedBytes(html: string, markToken: string, nonceToken: string): string {
  return html.replace(markPattern(markToken), "").replaceAll(` nonce="${nonceToken}"`, "");
}

/** The kept render cut into parts; null when it is not a page this knows how to cut (no data script). */
export function cutTemplate(html: string, markToken: string, nonceToken: string): PageTemplate | null {
  const parts: TemplatePart[] = [];
  const regions = new Set<string>();
  let dataSlots = 0;
  const literal = (text: string) => {
    const pieces = text.split(` nonce="${nonceToken}"`);
    pieces.forEach((piece, i) => {
      if (i > 0) parts.push({ nonce: true });
      const at = piece.indexOf(DATA_PREFIX);
      if (at < 0) return piece && parts.push({ piece: compressedPiece(piece) });
      const end = piece.indexOf(DATA_SUFFIX, at);
      if (end < 0) return piece && parts.push({ piece: compressedPiece(piece) });
      parts.push(
        { piece: compressedPiece(piece.slice(0, at + DATA_PREFIX.length)) },
        { data: true },
        { piece: compressedPiece(piece.slice(end)) },
      );
      dataSlots++;
    });
  };
  const pattern = markPattern(markToken);
  let last = 0;
  let name: string | null = null;
  const close = (end: number) => {
    const text = html.slice(last, end);
    if (name !== null && isRegion(name)) {
      parts.push({ region: name, piece: compressedPiece(text) });
      regions.add(name);
    } else {
      if (name !== null && POINTS.has(name)) parts.push({ point: name });
      literal(text);
    }
  };
  for (const match of html.matchAll(pattern)) {
    close(match.index);
    name = match[1];
    last = match.index + match[0].length;
  }
  close(html.length);
  return dataSlots === 1 ? { parts, regions } : null;
}

/** A reader's page, as pieces: the shared parts, with `own` in place of the regions and points it names. */
export function fillTemplate(
  template: PageTemplate,
  fill: { nonce: string; data: Piece[]; own: Map<string, Piece> },
): Piece[] {
  const out: Piece[] = [];
  const nonce = plainPiece(` nonce="${fill.nonce}"`);
  for (const part of template.parts) {
    if ("region" in part) out.push(fill.own.get(part.region) ?? part.piece);
    else if ("piece" in part) out.push(part.piece);
    else if ("point" in part) {
      const own = fill.own.get(part.point);
      if (own) out.push(own);
    } else if ("nonce" in part) out.push(nonce);
    else out.push(...fill.data);
  }
  return out;
}
