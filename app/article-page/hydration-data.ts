// The article page's hydration data for one reader, made from the kept
// page's. Remix hands a page's loader data to the browser as turbo-stream
// (one JSON array: every value once, objects and arrays naming their parts by
// index), in a script's string argument. A reader's data differs from the
// shared data in a few places (the header's user, their name, their pending
// questions, the threads they have posts in), so their encoding is the shared
// one with those few elements rewritten and the new values added at its end:
// turbo-stream's decoder follows indices either way, and a test decodes both
// and compares them with what a full render sends.
import { type Piece, compressedPiece, plainPiece } from "~/article-page/gzip-pieces";
import { TURBO_STREAM } from "~/article-page/internals";

const { NULL, UNDEFINED, NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY, NEGATIVE_ZERO, HOLE } = TURBO_STREAM;

const SCRIPT_ESCAPES: Record<string, string> = {
  "&": "\\u0026",
  ">": "\\u003e",
  "<": "\\u003c",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
/** `text` as it stands inside the script's string argument (JSON string escapes, then Remix's HTML escapes). */
export function inScript(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/[&><\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]);
}

/** Encodes plain data (objects, arrays, strings, numbers, booleans, null) as turbo-stream elements. */
export class Flattener {
  /** Each element's JSON, by index from `start`. */
  readonly elements: string[] = [];
  /** Each object's and array's parts as written: [key index, value index] pairs, or value indices. */
  readonly shapes = new Map<object, [number, number][] | number[]>();
  readonly indices = new Map<unknown, number>();

  constructor(readonly start = 0) {}

  flatten(value: unknown): number {
    const known = this.indices.get(value);
    if (known !== undefined) return known;
    if (value === undefined) return UNDEFINED;
    if (value === null) return NULL;
    if (typeof value === "number") {
      if (Number.isNaN(value)) return NAN;
      if (value === Infinity) return POSITIVE_INFINITY;
      if (value === -Infinity) return NEGATIVE_INFINITY;
      if (value === 0 && 1 / value < 0) return NEGATIVE_ZERO;
    }
    const index = this.start + this.elements.length;
    this.indices.set(value, index);
    this.elements.push("");
    let json: string;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      json = JSON.stringify(value);
    } else if (Array.isArray(value)) {
      const items: number[] = [];
      for (let i = 0; i < value.length; i++) items.push(i in value ? this.flatten(value[i]) : HOLE);
      this.shapes.set(value, items);
      json = `[${items.join(",")}]`;
    } else if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const pairs: [number, number][] = Object.keys(value).map((key) => [
        this.flatten(key),
        this.flatten((value as Record<string, unknown>)[key]),
      ]);
      this.shapes.set(value, pairs);
      json = objectJson(pairs);
    } else {
      throw new TypeError(`not plain data: ${Object.prototype.toString.call(value)}`);
    }
    this.elements[index - this.start] = json;
    return index;
  }
}

const objectJson = (pairs: [number, number][]) => `{${pairs.map(([k, v]) => `"_${k}":${v}`).join(",")}}`;

/** What a reader's data changes: an object's values by key, or an array's items by position. */
export type Change = { of: object; keys?: Record<string, unknown>; items?: Map<number, unknown> };

/**
 * The shared data's encoding, kept with the page: its elements as they stand
 * in the script, as bytes, cut around the ones a reader's data may rewrite.
 */
export class SharedEncoding {
  private readonly flat = new Flattener();
  /** Runs of unchanging elements, and the indices of changeable ones between them. */
  private readonly chunks: (Piece | number)[] = [];
  private readonly texts: string[];

  constructor(
    data: unknown,
    /** The objects and arrays a reader's data may change. */
    private readonly changeable: object[],
  ) {
    this.flat.flatten(data);
    this.texts = this.flat.elements.map(inScript);
    const at = new Set(changeable.map((part) => this.flat.indices.get(part)));
    // The script's argument is a string: its quotes, the array, and the line's end.
    let run = '"[';
    this.texts.forEach((text, i) => {
      const comma = i ? "," : "";
      if (!at.has(i)) return void (run += comma + text);
      this.chunks.push(compressedPiece(run + comma), i);
      run = "";
    });
    this.chunks.push(compressedPiece(run));
  }

  /** The script argument for the shared data with these changes, as bytes to send in order. */
  withChanges(changes: Change[]): Piece[] {
    const extra = new Flattener(this.flat.elements.length);
    const rewritten = new Map<number, string>();
    for (const change of changes) {
      if (!this.changeable.includes(change.of)) throw new Error("that part of the data is not changeable");
      const index = this.flat.indices.get(change.of)!;
      const shape = this.flat.shapes.get(change.of)!;
      if (change.keys) {
        const keys = change.keys;
        const pairs = (shape as [number, number][]).map(([k, v]): [number, number] => {
          const key = JSON.parse(this.flat.elements[k]) as string;
          return [k, key in keys ? this.valueIndex(keys[key], extra) : v];
        });
        rewritten.set(index, objectJson(pairs));
      } else if (change.items) {
        const items = (shape as number[]).map((v, i) =>
          change.items!.has(i) ? this.valueIndex(change.items!.get(i), extra) : v,
        );
        rewritten.set(index, `[${items.join(",")}]`);
      }
    }
    const out = this.chunks.map((chunk) => {
      if (typeof chunk !== "number") return chunk;
      const text = rewritten.get(chunk);
      return plainPiece(text === undefined ? this.texts[chunk] : inScript(text));
    });
    out.push(plainPiece(`${extra.elements.map((element) => `,${inScript(element)}`).join("")}]\\n"`));
    return out;
  }

  /** A value's index: the shared one when the shared data holds that very value, else a new element. */
  private valueIndex(value: unknown, extra: Flattener): number {
    return this.flat.indices.get(value) ?? extra.flatten(value);
  }
}
