// The same-text rule: a post is "the same text" as another when their words
// match once case, spacing and punctuation are folded. Posts keep a hash of
// that folded text, so the rule is one indexed look-up, not a read of bodies.
import { createHash } from "node:crypto";

export function foldedText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function textFingerprint(text: string): string {
  return createHash("sha256").update(foldedText(text)).digest("base64url");
}
