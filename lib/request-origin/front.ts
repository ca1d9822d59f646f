import { randomBytes, timingSafeEqual } from "node:crypto";

/** What the socket a request arrived on tells: the direct peer and whether TLS terminated here. */
export interface ConnectionFacts {
  remoteAddress: string;
  encrypted: boolean;
}

/**
 * server.ts sees the socket, Next's pages and proxy.ts do not: for every request it hands to Next, server.ts
 * sets this header to `{secret} {http|https} {peer address}` (dropping any copy a client sent), and the Next
 * side reads the connection facts back from it. The secret is random per process (server.ts and Next's bundle
 * share globalThis), so a client cannot forge the header; without it (`next dev`) the peer is unknown and no
 * forwarded header is believed.
 */
export const FRONT_HEADER = "x-portcullis-front";

const SECRET = Symbol.for("portcullis.request-origin.front-secret");
const globalRef = globalThis as typeof globalThis & { [SECRET]?: Buffer };
const secret = (): Buffer => (globalRef[SECRET] ??= Buffer.from(randomBytes(24).toString("base64url")));

/**
 * An instance of several processes (server/cluster.ts): the machine-API processes hand pages to the Next process
 * over loopback, so the supervisor gives all of them one secret instead of each drawing its own.
 */
export function useFrontSecret(value: string): void {
  globalRef[SECRET] = Buffer.from(value);
}

export function frontHeaderValue(connection: ConnectionFacts): string {
  return `${secret().toString()} ${connection.encrypted ? "https" : "http"} ${connection.remoteAddress}`;
}

export function connectionFromFront(value: string | undefined): ConnectionFacts | undefined {
  if (!value) return undefined;
  const [given, scheme, remoteAddress] = value.split(" ");
  const expected = secret();
  const presented = Buffer.from(given ?? "");
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
  return { remoteAddress: remoteAddress ?? "", encrypted: scheme === "https" };
}
