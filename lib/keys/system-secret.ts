import { hkdfSync, randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { createLogger } from "@/lib/core/log";
import { platformDb, type Db } from "@/lib/db";

/**
 * The system secret protects secrets at rest (private JWKs, client secret hashes). Decision (README,
 * Secrets): `SECRETS_SYSTEM` (comma-separated, newest first, so old secrets still decrypt during rotation)
 * wins. When unset, a 256-bit secret is generated once and stored in the platform table `system_secrets`,
 * so that a fresh `npm start` works without any environment and every instance sharing the database agrees
 * on it. Production deployments should set SECRETS_SYSTEM, so that a database dump alone reveals nothing.
 */
const GENERATED_ID = "system";

const cache = new WeakMap<Db, Promise<Buffer[]>>();

async function loadSecrets(db: Db): Promise<Buffer[]> {
  const configured = config().SECRETS_SYSTEM;
  if (configured) {
    return configured.split(",").map((s) => s.trim()).filter(Boolean).map((s) => Buffer.from(s, "utf8"));
  }
  const generated = randomBytes(32).toString("base64url");
  // Race-free across instances: the first writer wins, everyone reads the winner.
  await db.$executeRaw`INSERT INTO "system_secrets" ("id", "value") VALUES (${GENERATED_ID}, ${generated}) ON CONFLICT ("id") DO NOTHING`;
  const row = await db.systemSecret.findUniqueOrThrow({ where: { id: GENERATED_ID } });
  if (config().NODE_ENV === "production" && row.value === generated) {
    createLogger(config().LOG_LEVEL).warn("SECRETS_SYSTEM is not set: generated a system secret and stored it in the database. Set SECRETS_SYSTEM in production.");
  }
  return [Buffer.from(row.value, "utf8")];
}

/** The system secrets, newest first. */
export async function systemSecrets(): Promise<Buffer[]> {
  const db = await platformDb();
  let secrets = cache.get(db);
  if (!secrets) {
    secrets = loadSecrets(db).catch((error) => {
      cache.delete(db);
      throw error;
    });
    cache.set(db, secrets);
  }
  return secrets;
}

const derived = new WeakMap<Buffer[], Map<string, Buffer[]>>();

/** 32-byte keys for one purpose (HKDF-SHA256, RFC 5869), one per system secret, newest first. */
export async function derivedKeys(purpose: string): Promise<Buffer[]> {
  const secrets = await systemSecrets();
  let byPurpose = derived.get(secrets);
  if (!byPurpose) derived.set(secrets, (byPurpose = new Map()));
  let keys = byPurpose.get(purpose);
  if (!keys) {
    keys = secrets.map((secret) => Buffer.from(hkdfSync("sha256", secret, "portcullis", purpose, 32)));
    byPurpose.set(purpose, keys);
  }
  return keys;
}
