/**
 * Copyable ingress configurations for one project, with its real decision URL (the tested shapes are in
 * lib/testing/{nginx,caddy,haproxy}.ts and the README's "Ingress snippets"). `app.example.com` and `app:8080` stand
 * for the protected application.
 */
export interface IngressSnippet {
  id: "nginx" | "caddy" | "traefik" | "ingress-nginx" | "envoy";
  title: string;
  language: string;
  code: string;
}

export function ingressSnippets(projectBaseUrl: string): IngressSnippet[] {
  const base = projectBaseUrl.replace(/\/+$/, "");
  const decisions = `${base}/decisions`;
  const origin = new URL(base).origin;
  const path = new URL(base).pathname;
  return [
    {
      id: "nginx", title: "nginx auth_request", language: "nginx",
      code: `location / {
  auth_request /_portcullis;
  auth_request_set $user_id $upstream_http_x_user_id;
  proxy_set_header X-User-Id $user_id;
  proxy_pass http://app:8080;
}
location = /_portcullis {
  internal;
  proxy_pass ${decisions}$request_uri;
  proxy_pass_request_body off;
  proxy_set_header Content-Length "";
  proxy_set_header X-Forwarded-Method $request_method;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_set_header X-Forwarded-Host $http_host;
  proxy_set_header X-Forwarded-Uri $request_uri;
}`,
    },
    {
      id: "caddy", title: "Caddy forward_auth", language: "caddyfile",
      code: `app.example.com {
  forward_auth ${origin} {
    uri ${path}/decisions{uri}
    copy_headers X-User-Id Authorization
  }
  reverse_proxy app:8080
}`,
    },
    {
      id: "traefik", title: "Traefik forwardAuth", language: "yaml",
      code: `http:
  middlewares:
    portcullis:
      forwardAuth:
        address: "${decisions}"
        authResponseHeaders: ["X-User-Id", "Authorization"]
  routers:
    app:
      rule: "Host(\`app.example.com\`)"
      middlewares: ["portcullis"]
      service: app`,
    },
    {
      id: "ingress-nginx", title: "Kubernetes ingress-nginx", language: "yaml",
      code: `metadata:
  annotations:
    nginx.ingress.kubernetes.io/auth-url: "${decisions}"
    nginx.ingress.kubernetes.io/auth-response-headers: "X-User-Id,Authorization"
    nginx.ingress.kubernetes.io/auth-signin: "${base}/ui/login"
    nginx.ingress.kubernetes.io/auth-signin-redirect-param: "return_to"`,
    },
    {
      id: "envoy", title: "Envoy ext_authz (HTTP)", language: "yaml",
      code: `http_filters:
- name: envoy.filters.http.ext_authz
  typed_config:
    "@type": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz
    transport_api_version: V3
    http_service:
      server_uri: { uri: "${origin}", cluster: portcullis, timeout: 0.5s }
      path_prefix: ${path}/decisions
      authorization_request:
        allowed_headers: { patterns: [{ exact: cookie }, { exact: accept }, { exact: x-api-key }] }
      authorization_response:
        allowed_upstream_headers: { patterns: [{ exact: x-user-id }, { exact: authorization }] }
# Envoy keeps the client's Host in the check: route it through a hop that sets Portcullis' host (lib/gateway/README.md).`,
    },
  ];
}
