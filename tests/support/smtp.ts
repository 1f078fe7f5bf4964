// A real SMTP server for the mail tests (the smtp-server package), listening
// on a free local port, keeping every message it accepts, parsed with
// mailparser as a mail client would. It can be told to refuse mail for a while.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  received: ParsedMail[];
  /** While true, every message is refused with a temporary error. */
  refusing: boolean;
  transport: ReturnType<typeof nodemailer.createTransport>;
  port: number;
  close: () => Promise<void>;
};

export async function startSmtp(): Promise<TestSmtp> {
  const state = { received: [] as ParsedMail[], refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refusing) {
        const error = new Error("Mailbox busy, try again later") as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          state.received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return Object.assign(state, {
    transport,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        transport.close();
        server.close(() => resolve());
      }),
  }) as TestSmtp;
}

/** The token in the first link of a message that goes to the given path. */
export function tokenIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`${path.replace(/\//g, "\\/")}\\?token=([a-z2-7]{32})`).exec(mail.text ?? "");
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}
