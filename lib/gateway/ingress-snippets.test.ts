import { describe, expect, it } from "vitest";
import { ingressSnippets } from "./ingress-snippets";

describe("ingress snippets", () => {
  it("carry the project's own decision URL in every ingress' syntax", () => {
    const snippets = ingressSnippets("https://id.example.com/p/acme-1a2b3c/");
    expect(snippets.map((s) => s.id)).toEqual(["nginx", "caddy", "traefik", "ingress-nginx", "envoy"]);
    const byId = Object.fromEntries(snippets.map((s) => [s.id, s.code]));
    expect(byId.nginx).toContain("proxy_pass https://id.example.com/p/acme-1a2b3c/decisions$request_uri;");
    expect(byId.caddy).toContain("forward_auth https://id.example.com {\n    uri /p/acme-1a2b3c/decisions{uri}");
    expect(byId.traefik).toContain('address: "https://id.example.com/p/acme-1a2b3c/decisions"');
    expect(byId["ingress-nginx"]).toContain('auth-signin: "https://id.example.com/p/acme-1a2b3c/ui/login"');
    expect(byId.envoy).toContain("path_prefix: /p/acme-1a2b3c/decisions");
  });
});
