// Accounts: creating one (from the sign-up form or the command line), signing
// in with the back-off, and changing what a person may change about theirs.
// Each refuses with a Refusal (utils/refusal.ts) naming the fields at fault.
import { z } from "zod";
import { hashPassword, passwordProblem, verifyPassword } from "~/auth/passwords.server";
import { type Role, isStaff } from "~/model/roles";
import { clearFailures, lockedUntil, recordFailure, throttleKeys, waitMessage } from "~/auth/throttle.server";
import { db } from "~/db.server";
import { firstErrors } from "~/utils/field-errors";
import { Refusal } from "~/utils/refusal";
import { cleanName, nameProblem } from "~/utils/text-safety";

const emailSchema = z
  .string({ required_error: "Please enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Please enter your email address.")
  .max(254, "That email address is too long.")
  .email("That doesn’t look like an email address.");
const nameSchema = z
  .string({ required_error: "Please give the name to show with your posts." })
  .trim()
  .min(1, "Please give the name to show with your posts.")
  .max(80, "Please keep your name to 80 characters or fewer.")
  .superRefine((value, ctx) => {
    const problem = nameProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  })
  .transform(cleanName);
/** A new password: every rule but "not your email", which needs the email beside it. */
const newPasswordSchema = z.string({ required_error: "Please choose a password." }).superRefine((password, ctx) => {
  const problem = passwordProblem(password, "");
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});
const redirectTo = z.string().optional();

// The account forms, as their schemas: what each form sends and every message
// for a field that is missing or malformed.
export const SignInForm = z.object({
  email: emailSchema,
  password: z.string({ required_error: "Please enter your password." }),
  redirectTo,
});
export const SignUpForm = z.object({ name: nameSchema, email: emailSchema, password: newPasswordSchema, redirectTo });
export const ProfileForm = z.object({
  intent: z.literal("profile"),
  name: nameSchema,
  notifyReplies: z.boolean().default(false),
  /** Staff only: the queue digest by email. */
  queueDigest: z.enum(["none", "hourly", "daily"]).default("none"),
});
export const PasswordForm = z.object({
  intent: z.literal("password"),
  currentPassword: z.string({ required_error: "Please enter your current password." }),
  password: newPasswordSchema,
});

export async function createAccount(input: {
  name: string;
  email: string;
  password: string;
  role?: Role;
}): Promise<{ id: string; email: string; role: string }> {
  const parsed = z.object({ name: nameSchema, email: emailSchema, password: z.string() }).safeParse(input);
  // Every field's problem at once, the password's too, not one at a time.
  const problem = passwordProblem(input.password, parsed.success ? parsed.data.email : input.email);
  if (!parsed.success || problem) {
    const errors = parsed.success ? {} : firstErrors(parsed.error);
    throw Refusal.ofFields(400, problem ? { ...errors, password: problem } : errors);
  }
  const { name, email, password } = parsed.data;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, role: true } });
  // A staff account without a password is the site owner's to finish (user:create), never a stranger's to claim.
  if (existing && !existing.passwordHash && isStaff(existing.role) && !input.role) {
    throw new Refusal(
      409,
      "This email belongs to a staff account. The site owner sets its password with npm run user:create.",
      { field: "email" },
    );
  }
  if (existing?.passwordHash) {
    throw new Refusal(409, "There is already an account with this email. Sign in instead?", { field: "email" });
  }
  const passwordHash = await hashPassword(password);
  // An account may exist without a password (staff named by an article before they signed up).
  const user = existing
    ? await db.user.update({
        where: { id: existing.id },
        data: { displayName: name, passwordHash, ...(input.role ? { role: input.role } : {}) },
        select: { id: true, email: true, role: true },
      })
    : await db.user.create({
        // A reader is told when their questions are answered unless they say otherwise.
        data: { email, displayName: name, passwordHash, role: input.role ?? "reader", notifyReplies: true },
        select: { id: true, email: true, role: true },
      });
  return user;
}

export async function signIn(
  input: { email: string; password: string },
  addressHash: string | null,
): Promise<{ id: string }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success || !input.password) throw new Refusal(400, "Please enter your email address and password.");
  const keys = throttleKeys(email.data, addressHash);
  const locked = await lockedUntil(keys);
  if (locked) throw new Refusal(429, waitMessage(locked), { retryAt: locked });
  const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true, passwordHash: true } });
  // Verify against something even for unknown emails, so timing does not tell which emails have accounts.
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user?.passwordHash || !valid) {
    await recordFailure(keys);
    const nowLocked = await lockedUntil(keys);
    if (nowLocked) throw new Refusal(429, waitMessage(nowLocked), { retryAt: nowLocked });
    throw new Refusal(400, "That email and password don’t match an account.");
  }
  await clearFailures(keys);
  return { id: user.id };
}

// argon2id of a random string; used only to spend the same time on unknown emails.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$8Uu75zZsbOk1jfmktSGq6Q$Tp8OR4pA3PBlr4ha5SCAcn0c7TrNRrkGWgXaz2EM6tc";

export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | null,
): Promise<{ signedOut: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new Refusal(400, "That is not your current password.", { field: "currentPassword" });
  }
  const problem = passwordProblem(newPassword, user.email);
  if (problem) throw new Refusal(400, problem, { field: "password" });
  const passwordHash = await hashPassword(newPassword);
  // A new password ends every other session: whoever knew the old one is signed out with it.
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } }),
  ]);
  return { signedOut: ended.count };
}

export async function updateProfile(
  userId: string,
  input: { name: string; notifyReplies: boolean; queueDigest?: "none" | "hourly" | "daily" },
): Promise<void> {
  const name = nameSchema.safeParse(input.name);
  if (!name.success) throw new Refusal(400, name.error.issues[0].message, { field: "name" });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  const digest = isStaff(user.role) && input.queueDigest && input.queueDigest !== "none" ? input.queueDigest : null;
  await db.user.update({
    where: { id: userId },
    data: { displayName: name.data, notifyReplies: input.notifyReplies, queueDigest: digest },
  });
}
