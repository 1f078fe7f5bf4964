// Reads a large XML export as a stream: a gzip file is recognised by its first
// bytes, the text is parsed by saxes as it arrives, and only the elements the
// caller asks for ("records": a WordPress <item>, a Disqus <post>) are built
// into small trees and handed over, one chunk of the file at a time, so a
// 500 MB export is never held in memory. Every failure names the file and,
// for XML, the line and column where it broke.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { SaxesParser } from "saxes";

/**
 * The most text one element (a post's content, one comment's text) may hold, and one run of text, comment or CDATA
 * anywhere: hundreds of times a long article. A gzip file that expands to gigabytes inside one of them ends here,
 * with the place named, before it fills the memory.
 */
export const MAX_TEXT_CHARS = 8 * 1024 * 1024;
/**
 * The most one record (a WordPress <item> with all its comments, a Disqus <post>) may keep, counted in characters
 * with each element and each piece of text at about the room it takes: an item with several thousand comments fits
 * in the importer's 256 MB, and a flood of tiny pieces or empty elements is stopped too.
 */
export const MAX_RECORD_UNITS = 48 * 1024 * 1024;
const ELEMENT_COST = 256;
const PIECE_COST = 16;
const count = (n: number) => n.toLocaleString("en-US");

/**
 * What saxes holds of the text, comment or CDATA it is reading and has not handed over yet. saxes keeps it in its
 * `text` field and offers no public size for it; app/import/xml-stream.test.ts fails if that field goes away.
 */
export const pendingTextLength = (parser: SaxesParser) => (parser as unknown as { text?: string }).text?.length ?? 0;

export class ImportFileError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

/** An element of a record: its name with a known prefix ("wp:comment_id"), attributes, text and children. */
export type XmlElement = { name: string; attrs: Record<string, string>; text: string; children: XmlElement[] };
/** An element being read: its text in pieces (joined once when it closes, not concatenated piece by piece). */
type OpenElement = { element: XmlElement; pieces: string[]; size: number };

/** Namespaces known by their meaning, whatever prefix or version (WXR 1.0–1.2, http or https) a file gives them. */
const NAMESPACES: [RegExp, string][] = [
  [/^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/, "wp"],
  [/^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/?$/, "excerpt"],
  [/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/, "content"],
  [/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/, "dc"],
  [/^https?:\/\/disqus\.com\/disqus-internals\/?$/, "dsq"],
  // Disqus's own elements are its document's default namespace: plain names.
  [/^https?:\/\/disqus\.com\/?$/, ""],
];

function prefixOf(uri: string): string | null {
  if (!uri) return null;
  for (const [pattern, prefix] of NAMESPACES) if (pattern.test(uri)) return prefix || null;
  return "other";
}

function qualified(local: string, uri: string) {
  const prefix = prefixOf(uri);
  return prefix ? `${prefix}:${local}` : local;
}

export type XmlReader = {
  /** The document element's name, once known, for telling a wrong format early. */
  onRoot?: (name: string, namespaces: string[]) => void;
  /** Whether the element at this path (names from the root) is a record to build and hand over. */
  isRecord: (path: readonly string[]) => boolean;
  onRecord: (record: XmlElement, path: readonly string[]) => void | Promise<void>;
};

async function isGzip(file: string) {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Streams `file` through the parser; rejects with an ImportFileError naming the file and the place it broke. */
export async function readXml(file: string, reader: XmlReader): Promise<void> {
  let gzip: boolean;
  try {
    gzip = await isGzip(file);
  } catch (error) {
    throw new ImportFileError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const state = collectRecords(parser, reader);
  const { path, ready } = state;
  const where = () => `line ${parser.line}, column ${parser.column + 1}`;
  const fail = (message: string): never => {
    throw new ImportFileError(file, message);
  };
  const drain = async () => {
    while (ready.length) {
      const { record, path: at } = ready.shift()!;
      await reader.onRecord(record, at);
    }
  };

  const source = createReadStream(file);
  const stream = gzip ? source.pipe(createGunzip()) : source;
  source.on("error", (error) => stream.destroy(error));
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const decoder = new TextDecoder("utf-8");
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      // Only reading the file fails here; what the caller does with a record fails as itself.
      const err = error as NodeJS.ErrnoException;
      if (gzip && (err.code?.startsWith("Z_") || /gzip|zlib|header|unexpected end/i.test(err.message))) {
        fail(`is not a readable gzip file (${err.message}) after ${where()} of its text`);
      }
      throw new ImportFileError(file, `cannot be read: ${err.message || String(err)}`);
    }
    if (next.done) break;
    parser.write(decoder.decode(next.value, { stream: true }));
    if (state.failure) fail(`the XML breaks at ${state.failure}`);
    if (state.tooLarge) fail(state.tooLarge);
    if (state.recordSize > MAX_RECORD_UNITS) {
      fail(
        `the <${path[state.recordDepth - 1]}> that begins at ${state.recordStart} holds too many elements (at ${where()})`,
      );
    }
    if (pendingTextLength(parser) > MAX_TEXT_CHARS) {
      fail(
        `one piece of text, comment or CDATA reaching ${where()} holds more than ${count(MAX_TEXT_CHARS)} characters, more than any real post or comment (is the file damaged?)`,
      );
    }
    await drain();
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  parser.close();
  if (state.failure) fail(`the XML breaks at ${state.failure}`);
  if (!state.sawRoot) fail("is empty: it holds no XML");
  await drain();
}

/**
 * Wires the parser's events to build each record (an element `reader.isRecord`
 * names, with everything in it) into `ready`, watching how much one record and
 * one piece of text hold; what went wrong is in the state, for the reading loop.
 */
function collectRecords(parser: SaxesParser<{ xmlns: true; position: true }>, reader: XmlReader) {
  const stack: OpenElement[] = [];
  const state = {
    path: [] as string[],
    ready: [] as { record: XmlElement; path: string[] }[],
    recordDepth: -1,
    /** What the record being built holds so far, and where it began. */
    recordSize: 0,
    recordStart: "",
    tooLarge: null as string | null,
    failure: null as string | null,
    sawRoot: false,
  };
  const { path, ready } = state;

  parser.on("error", (error) => {
    // saxes carries on after an error; the first one is the one to report.
    state.failure ??= error.message.replace(/^undefined:/, "").replace(/^(\d+):(\d+): /, "line $1, column $2: ");
  });
  parser.on("opentag", (tag) => {
    const name = qualified(tag.local, tag.uri);
    if (!state.sawRoot) {
      state.sawRoot = true;
      reader.onRoot?.(name, Object.values(tag.ns ?? {}));
    }
    path.push(name);
    if (state.recordDepth === -1 && reader.isRecord(path)) {
      state.recordDepth = path.length;
      state.recordSize = 0;
      state.recordStart = `line ${parser.line}, column ${parser.column + 1}`;
    }
    if (state.recordDepth !== -1) {
      state.recordSize += ELEMENT_COST;
      const attrs: Record<string, string> = {};
      for (const attribute of Object.values(tag.attributes)) {
        attrs[qualified(attribute.local, attribute.uri)] = attribute.value;
      }
      const element: XmlElement = { name, attrs, text: "", children: [] };
      stack[stack.length - 1]?.element.children.push(element);
      stack.push({ element, pieces: [], size: 0 });
    }
  });
  const addText = (text: string) => {
    if (state.recordDepth === -1 || !stack.length || state.tooLarge) return;
    const open = stack[stack.length - 1];
    open.size += text.length + PIECE_COST;
    state.recordSize += text.length + PIECE_COST;
    if (open.size > MAX_TEXT_CHARS) {
      state.tooLarge = `the <${open.element.name}> in the <${path[state.recordDepth - 1]}> that begins at ${state.recordStart} holds more than ${count(MAX_TEXT_CHARS)} characters of text, more than any real post or comment (is the file damaged?)`;
    } else if (state.recordSize > MAX_RECORD_UNITS) {
      state.tooLarge = `the <${path[state.recordDepth - 1]}> that begins at ${state.recordStart} holds more than the importer keeps of one record (${count(MAX_RECORD_UNITS)} characters' room; is the file damaged?)`;
    } else open.pieces.push(text);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    if (state.recordDepth !== -1) {
      const open = stack.pop()!;
      const element = open.element;
      element.text = open.pieces.join("");
      if (path.length === state.recordDepth) {
        ready.push({ record: element, path: [...path] });
        state.recordDepth = -1;
      }
    }
    path.pop();
  });

  return state;
}

/** The text of the first child named `name`, trimmed ("" when there is none). */
export function childText(element: XmlElement, name: string): string {
  return element.children.find((child) => child.name === name)?.text.trim() ?? "";
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
