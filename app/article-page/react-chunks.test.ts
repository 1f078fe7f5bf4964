import { Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutUnwrittenTail } from "./react-chunks";

function render(pad: number, clean: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(clean ? withoutUnwrittenTail(Buffer.from(chunk)) : Buffer.from(chunk));
        done();
      },
      final(done) {
        resolve(Buffer.concat(chunks).toString("utf8"));
        done();
      },
    });
    const { pipe } = renderToPipeableStream(
      // Many short texts of curly quotes after `pad` plain letters: some quote lands across a 2,048-byte boundary.
      createElement(
        "div",
        null,
        "x".repeat(pad),
        ...Array.from({ length: 600 }, (_, i) => createElement("p", { key: i }, "someone’s")),
      ),
      { onAllReady: () => pipe(sink), onShellError: reject },
    );
  });
}

describe("withoutUnwrittenTail", () => {
  it("takes out the NUL bytes React 18 leaves where a character did not fit, and nothing else", async () => {
    let gaps = 0;
    for (let pad = 0; pad < 3; pad++) {
      const withGaps = await render(pad, false);
      const clean = await render(pad, true);
      if (withGaps.includes("\u0000")) gaps++;
      expect(clean).not.toContain("\u0000");
      expect(clean).toBe(withGaps.replaceAll("\u0000", ""));
      expect(clean.split("<p>someone’s</p>").length - 1).toBe(600);
    }
    // The bug is there to be taken out (were React to fix it, this says so).
    expect(gaps).toBeGreaterThan(0);
  });

  it("leaves a chunk without a gap as it is", () => {
    const chunk = Buffer.from("plain");
    expect(withoutUnwrittenTail(chunk)).toBe(chunk);
    expect([...withoutUnwrittenTail(Buffer.from([65, 0, 0, 0, 0]))]).toEqual([65, 0]);
  });
});
