import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type Piece, compressedPiece, gzipPieces, plainPiece, plainPieces } from "~/article-page/gzip-pieces";

describe("a page sent as gzip from pieces", () => {
  it("decompresses to the pieces one after another, whichever are compressed once and whichever stored", () => {
    const texts = [
      "<!DOCTYPE html><html>",
      "",
      "a thread ".repeat(2_000),
      randomBytes(70_000).toString("base64"), // more than one stored block
      ' nonce="abc"',
      "é ✓ “quotes” \u2028",
      "</html>",
    ];
    for (let round = 0; round < 8; round++) {
      const pieces: Piece[] = texts.map((text, i) =>
        (round >> (i % 3)) & 1 ? compressedPiece(text) : plainPiece(text),
      );
      const plain = plainPieces(pieces);
      expect(plain.toString()).toBe(texts.join(""));
      expect(gunzipSync(gzipPieces(pieces)).equals(plain)).toBe(true);
    }
    expect(gunzipSync(gzipPieces([])).length).toBe(0);
  });

  it("is small when most of the page is compressed once", () => {
    const shared = compressedPiece("<li class=thread>the same thread again</li>".repeat(5_000));
    const gzip = gzipPieces([shared, plainPiece("<nav>Signed in as Rae</nav>"), shared]);
    expect(gzip.length).toBeLessThan(shared.plain.length / 20);
  });
});
