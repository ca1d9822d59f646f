import os from "node:os";
import path from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";

/** A comma-separated list of CIDRs or single addresses (IPv4 or IPv6), each checked here so a typo fails at startup. */
const cidrList = z
  .string()
  .max(10_000)
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
  .refine((entries) => entries.every((entry) => ipaddr.isValidCIDR(entry) || ipaddr.isValid(entry)), "a comma-separated list of CIDRs or IP addresses");

/** Every environment variable Portcullis reads. The only reader of process.env. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  PUBLIC_URL: z.string().url().optional(),
  BASE_DOMAIN: z.string().optional(),
  /**
   * Peers whose X-Forwarded-* / Forwarded headers are believed (reverse proxies in front of Portcullis): CIDRs or
   * addresses, comma-separated. Default: loopback only. An empty value trusts no peer.
   */
  TRUSTED_PROXIES: cidrList.default(["127.0.0.0/8", "::1"]),
  REDIS_URL: z.string().url().optional(),
  SECRETS_SYSTEM: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long an instance trusts its last-read permission write sequence (bounded staleness for checks without a consistency token). */
  PERMISSION_VERSION_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Hosts served entirely by a project's identity-aware proxy: `app.example.com=acme,api.example.com=acme`. */
  GATEWAY_HOSTS: z.string().max(10_000).optional(),
  /**
   * Non-public addresses that tenant-configured outbound calls (gateway JWKS/hydrator/remote_json, identity
   * webhooks) may reach: CIDRs and host names, comma-separated (`10.1.0.0/16,::1,auth.internal,*.corp.example`).
   */
  GATEWAY_OUTBOUND_ALLOW: z.string().max(10_000).optional(),
  /** SMTP server (Kratos' connection URI form) for projects that configure none, the console's own project included. */
  COURIER_SMTP_URL: z.string().regex(/^smtps?:\/\//, "an smtp:// or smtps:// URI").optional(),
  /** Sender address used with COURIER_SMTP_URL. */
  COURIER_SMTP_FROM: z.string().email().optional(),
  /** libuv's threadpool size (read by libuv itself at startup; read here to size password hashing below it). */
  UV_THREADPOOL_SIZE: z.coerce.number().int().min(1).max(1024).default(4),
  /**
   * Machine-API processes of one instance (`npm start`), next to its one Next process: one per core by default.
   * 0 serves everything from a single process (machine API and Next together).
   */
  WORKERS: z.coerce.number().int().min(0).max(256).default(() => os.availableParallelism()),
  /** Entries of the in-process permission check cache (0 disables it). */
  PERMISSION_CHECK_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
});

export type AppConfig = z.infer<typeof envSchema> & { dataDir: string };

let cached: AppConfig | undefined;

export function config(): AppConfig {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
  return cached;
}

/** For tests and the CLI: forget the parsed environment after changing it. */
export function resetConfig(): void {
  cached = undefined;
}
