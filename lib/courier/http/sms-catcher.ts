import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface CaughtSms {
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export interface SmsCatcher {
  url: string;
  messages: CaughtSms[];
  /** Resolves with the first message (caught already or arriving later) that matches. */
  waitFor(match: (message: CaughtSms) => boolean, timeoutMs?: number): Promise<CaughtSms>;
  close(): Promise<void>;
}

/** An in-process SMS gateway on loopback: the peer of the courier's HTTP channel in tests and e2e. */
export async function startSmsCatcher(): Promise<SmsCatcher> {
  const messages: CaughtSms[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        messages.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
        response.writeHead(202).end();
      } catch {
        response.writeHead(400).end();
      }
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    messages,
    waitFor: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`No SMS within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const found = messages.find(match);
          if (found) {
            clearTimeout(deadline);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
