import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_SECURITY_HEADERS } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and wasm packages stay outside the bundle.
  serverExternalPackages: ["argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg", "@prisma/client", "typescript"],
  typescript: { ignoreBuildErrors: false },
  // Pages get their security headers (with a per-request CSP nonce) from proxy.ts; the static assets it does not
  // see (its matcher skips them) get the fixed ones here (lib/http/security-headers.ts).
  async headers() {
    const fixed = Object.entries(API_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/static/:path*", headers: fixed },
      { source: "/_next/image", headers: fixed },
      { source: "/favicon.ico", headers: fixed },
    ];
  },
};

export default withNextIntl(nextConfig);
