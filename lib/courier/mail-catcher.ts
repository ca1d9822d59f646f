import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  from: string;
  to: string[];
  raw: string;
}

export interface MailCatcher {
  port: number;
  /** `smtp://127.0.0.1:<port>/?disable_starttls=true` for the project's `courier.smtp.connection_uri`. */
  connectionUri: string;
  mails: CaughtMail[];
  /** Resolves with the first mail (already caught or arriving later) to `recipient` that matches. */
  waitFor(recipient: string, match?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Makes the next `count` deliveries fail with a 451 (temporary) error. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a loopback port: the peer for courier tests and e2e. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const waiters: Array<() => void> = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Accepts any credentials over plain loopback, so tests can use connection URIs with user info.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const error = Object.assign(new Error("Temporary failure, try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        mails.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  const find = (recipient: string, match?: (mail: CaughtMail) => boolean) =>
    mails.find((m) => m.to.includes(recipient) && (!match || match(m)));

  return {
    port,
    connectionUri: `smtp://127.0.0.1:${port}/?disable_starttls=true`,
    mails,
    failNext: (count) => {
      failures = count;
    },
    waitFor: (recipient, match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`No mail to ${recipient} within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const mail = find(recipient, match);
          if (mail) {
            clearTimeout(deadline);
            resolve(mail);
          } else waiters.push(check);
        };
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The one-time code in a courier mail (a line of 6 digits). */
export function codeInMail(mail: CaughtMail): string | undefined {
  return /^(\d{6})\r?$/m.exec(mail.raw)?.[1];
}
