// npm run user:create -- --email ada@example.com --name "Ada Writer" --role author|moderator|admin|reader
// The password is read from standard input (piped), or prompted for without
// echo on a terminal; never from the command line, where shells and process
// lists would keep it.
import { parseArgs } from "node:util";
import { createAccount } from "~/auth/accounts.server";
import { isRefusal } from "~/utils/refusal";
import { passwordFromLines } from "~/auth/passwords.server";
import { ROLES, isRole } from "~/model/roles";
import { db } from "~/db.server";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "reader" } },
});
if (!values.email || !values.name || !isRole(values.role!)) {
  console.error(`Usage: npm run user:create -- --email EMAIL --name "NAME" --role ${ROLES.join("|")}`);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    const read = passwordFromLines(text);
    if (!read.ok) {
      console.error(read.message);
      process.exit(1);
    }
    return read.password;
  }
  process.stdout.write("Password (not shown): ");
  process.stdin.setRawMode(true);
  let password = "";
  for await (const chunk of process.stdin) {
    for (const char of String(chunk)) {
      if (char === "\r" || char === "\n") {
        process.stdin.setRawMode(false);
        process.stdout.write("\n");
        return password;
      }
      if (char === "\u0003") process.exit(130);
      password = char === "\u007f" ? password.slice(0, -1) : password + char;
    }
  }
  return password;
}

try {
  const account = await createAccount({
    name: values.name,
    email: values.email,
    password: await readPassword(),
    role: values.role,
  });
  console.log(`Created ${account.role} account ${account.email}.`);
} catch (error) {
  if (!isRefusal(error)) throw error;
  for (const message of Object.values(error.fields)) console.error(message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
