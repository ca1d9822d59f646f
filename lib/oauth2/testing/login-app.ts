import http from "node:http";
import type { AddressInfo } from "node:net";
import { Configuration, OAuth2Api } from "@ory/client-fetch";

export interface LoginAppBehaviour {
  subject: string;
  login: "accept" | "reject";
  consent: "accept" | "reject";
  remember: boolean;
  idTokenClaims: Record<string, unknown>;
  grantScope?: (requested: string[]) => string[];
}

export interface LoginApp {
  url: string;
  behaviour: LoginAppBehaviour;
  seen: { loginSkip: boolean[]; consentSkip: boolean[]; logout: number };
  connect(basePath: string, apiKey: string): void;
  close(): Promise<void>;
}

/** A project's own login/consent/logout UI, driving the challenge API with Ory's SDK (what customers build). */
export async function startLoginApp(): Promise<LoginApp> {
  let api: OAuth2Api | undefined;
  const app: LoginApp = {
    url: "",
    behaviour: { subject: "user-1", login: "accept", consent: "accept", remember: true, idTokenClaims: { email: "user@example.com", email_verified: true, name: "User One" } },
    seen: { loginSkip: [], consentSkip: [], logout: 0 },
    connect: (basePath, apiKey) => {
      api = new OAuth2Api(new Configuration({ basePath, accessToken: apiKey }));
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const handle = async (url: URL): Promise<string> => {
    const b = app.behaviour;
    if (url.pathname === "/login") {
      const loginChallenge = url.searchParams.get("login_challenge")!;
      const request = await api!.getOAuth2LoginRequest({ loginChallenge });
      app.seen.loginSkip.push(request.skip);
      if (b.login === "reject") return (await api!.rejectOAuth2LoginRequest({ loginChallenge, rejectOAuth2Request: { error: "access_denied", error_description: "The user said no" } })).redirect_to;
      const accepted = await api!.acceptOAuth2LoginRequest({ loginChallenge, acceptOAuth2LoginRequest: { subject: request.skip ? request.subject : b.subject, remember: b.remember, remember_for: 3600, acr: "1", amr: ["pwd"] } });
      return accepted.redirect_to;
    }
    if (url.pathname === "/consent") {
      const consentChallenge = url.searchParams.get("consent_challenge")!;
      const request = await api!.getOAuth2ConsentRequest({ consentChallenge });
      app.seen.consentSkip.push(Boolean(request.skip));
      if (b.consent === "reject") return (await api!.rejectOAuth2ConsentRequest({ consentChallenge, rejectOAuth2Request: { error: "access_denied", error_description: "No consent" } })).redirect_to;
      const scopes = request.requested_scope ?? [];
      const accepted = await api!.acceptOAuth2ConsentRequest({
        consentChallenge,
        acceptOAuth2ConsentRequest: { grant_scope: b.grantScope ? b.grantScope(scopes) : scopes, grant_access_token_audience: request.requested_access_token_audience, remember: b.remember, remember_for: 3600, session: { id_token: b.idTokenClaims, access_token: { role: "tester" } } },
      });
      return accepted.redirect_to;
    }
    if (url.pathname === "/logout") {
      app.seen.logout++;
      return (await api!.acceptOAuth2LogoutRequest({ logoutChallenge: url.searchParams.get("logout_challenge")! })).redirect_to;
    }
    throw new Error(`unknown path ${url.pathname}`);
  };
  const server = http.createServer((req, res) => {
    handle(new URL(req.url ?? "/", "http://localhost")).then(
      (location) => { res.writeHead(302, { location }); res.end(); },
      (error: unknown) => { res.writeHead(500, { "content-type": "text/plain" }); res.end(String(error)); },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return app;
}
