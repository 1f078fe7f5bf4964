// Passwords: argon2id hashes (@node-rs/argon2, OWASP's parameters), and the
// rules a new password must meet, with a message a person can act on.
import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "~/auth/common-passwords";

const OPTIONS = { memoryCost: 19_456, timeCost: 2, outputLen: 32, parallelism: 1 };
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string) {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Null when the password is acceptable, else why not. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Please use at least ${MIN_PASSWORD_LENGTH} characters (a few words together work well).`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Please use at most ${MAX_PASSWORD_LENGTH} characters.`;
  // Nobody can type a line break or a control character into a password field.
  if ([...password].some((c) => c < " " || c === "\u007f")) {
    return "A password cannot contain line breaks or control characters.";
  }
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split("@")[0];
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) {
    return "Please choose a password that doesn’t contain your email address.";
  }
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890)+$/.test(password)) {
    return "That password is one of the most common ones, and easy to guess. Please choose another.";
  }
  return null;
}

/**
 * A password piped to a command: the first line, and, when a second line
 * follows (a confirmation), it must match. Never a password with a line break
 * inside, which nobody could type at the sign-in form.
 */
export function passwordFromLines(text: string): { ok: true; password: string } | { ok: false; message: string } {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  if (lines.length > 2 || (lines.length === 2 && lines[1] !== lines[0])) {
    return {
      ok: false,
      message:
        lines.length === 2
          ? "The two lines (password and confirmation) differ."
          : "Give the password on one line (and, if you like, the same again on a second line to confirm it).",
    };
  }
  return { ok: true, password: lines[0] };
}
