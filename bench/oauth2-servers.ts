import http from "node:http";
import { generateKeyPair, exportJWK } from "jose";

/**
 * Child process for the OAuth2 benchmark: `machine <port>` serves Portcullis' route table alone (server.ts's
 * fast path, without Next); `oidc-provider <port> <client_id> <secret>` serves node-oidc-provider configured
 * equivalently (client_credentials, JWT access tokens signed ES256, introspection).
 */
const [mode, portArg, clientId, clientSecret] = process.argv.slice(2);
const port = Number(portArg);

if (mode === "machine") {
  const { initDatabase } = await import("@/lib/db");
  const { dispatch, toApiRequest, writeApiResponse } = await import("@/lib/http");
  await initDatabase();
  const server = http.createServer((req, res) => {
    dispatch(toApiRequest(req)).then(
      (response) => writeApiResponse(res, response ?? { status: 404 }),
      () => { res.statusCode = 500; res.end(); },
    );
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1", () => process.send?.("ready"));
} else {
  // oidc-provider ships no type declarations; the import is typed by what this file uses.
  const moduleName = "oidc-provider";
  const { default: Provider } = (await import(moduleName)) as { default: new (issuer: string, configuration: object) => { callback(): http.RequestListener } };
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const issuer = `http://127.0.0.1:${port}`;
  const resource = "https://api.example";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope: "read write", id_token_signed_response_alg: "ES256" }],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: "bench", alg: "ES256", use: "sig" }] },
    scopes: ["read", "write"],
    features: {
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: "read write", accessTokenFormat: process.env.OP_FORMAT === "opaque" ? "opaque" : "jwt", jwt: { sign: { alg: "ES256" } } }),
      },
    },
  });
  const server = http.createServer(provider.callback());
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1", () => process.send?.("ready"));
}
process.on("SIGTERM", () => process.exit(0));
