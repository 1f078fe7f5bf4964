// React 18's server renderer encodes HTML into a 2,048-byte buffer and, when a
// character of several bytes (’, —, an emoji) does not fit at its end, still
// sends the whole buffer: the unwritten bytes arrive as NUL characters in the
// page (facebook/react#26228, fixed in React 19 only). No page holds a NUL of
// its own (forms refuse them, the Markdown renderer replaces them), so the
// zero bytes that end a chunk are that gap, at most three.
export function withoutUnwrittenTail(chunk: Buffer): Buffer {
  let end = chunk.length;
  while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}
