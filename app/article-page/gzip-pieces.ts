// A page made of pieces, sent gzip-compressed without compressing the whole of
// it again. Each shared piece is compressed once, when its page is kept, as a
// run of deflate blocks that ends on a full flush (byte-aligned, no back
// references across it); such runs can follow one another. A piece made for
// one reader goes in as stored (uncompressed) deflate blocks, or compressed
// once when it is reused. The gzip trailer's CRC-32 runs over the pieces'
// plain bytes. (RFC 1951 §3.2.4 stored blocks, RFC 1952 member layout.)
import { constants, crc32, deflateRawSync } from "node:zlib";

export type Piece = { plain: Buffer; deflated: Buffer | null };

/** A piece compressed once, to be sent many times. */
export function compressedPiece(plain: Buffer | string): Piece {
  const bytes = typeof plain === "string" ? Buffer.from(plain) : plain;
  return { plain: bytes, deflated: deflateRawSync(bytes, { level: 6, finishFlush: constants.Z_FULL_FLUSH }) };
}

/** A piece for one response: stored as it is in the compressed stream. */
export function plainPiece(plain: Buffer | string): Piece {
  return { plain: typeof plain === "string" ? Buffer.from(plain) : plain, deflated: null };
}

const MAX_STORED = 65_535;

/** Deflate stored blocks holding `bytes` (not final): a byte of block type, the length and its complement. */
function stored(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += MAX_STORED) {
    const chunk = bytes.subarray(at, at + MAX_STORED);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    out.push(header, chunk);
  }
  return out;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** An empty final block (fixed Huffman codes, end of block), as zlib ends a stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** The pieces one after another, as a gzip file. */
export function gzipPieces(pieces: Piece[]): Buffer {
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    if (piece.plain.length === 0) continue;
    crc = crc32(piece.plain, crc);
    size += piece.plain.length;
    if (piece.deflated) out.push(piece.deflated);
    else out.push(...stored(piece.plain));
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}

export function plainPieces(pieces: Piece[]): Buffer {
  return Buffer.concat(pieces.map((piece) => piece.plain));
}
