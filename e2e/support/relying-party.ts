import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as oidc from "openid-client";

/**
 * The relying party's side of the browser dance, in-process: a loopback HTTP server whose callback and
 * logged-out pages just say where the browser landed (the spec reads the URL and hands it to openid-client).
 */
export interface RelyingPartyServer {
  origin: string;
  callback: string;
  loggedOut: string;
  close(): Promise<void>;
}

export async function startRelyingParty(): Promise<RelyingPartyServer> {
  const server = createServer((request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="en"><title>RP</title><h1>Relying party</h1><p>${(request.url ?? "").replace(/[<>&]/g, "")}</p></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    callback: `${origin}/callback`,
    loggedOut: `${origin}/logged-out`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** openid-client's configuration by discovery of the project issuer (plain http on loopback is allowed here). */
export function discover(issuer: string, clientId: string, metadata?: Partial<oidc.ClientMetadata> | string, auth?: oidc.ClientAuth): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(issuer), clientId, metadata, auth, { execute: [oidc.allowInsecureRequests] });
}
