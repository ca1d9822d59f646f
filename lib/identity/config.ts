/** Anything carrying a project config (a ProjectRecord, or a bare `{config}` in tests and previews). */
export type ConfigHolder = { config: unknown };

/** Kratos' configuration of a project: `project.config.services.identity.config` (Ory Network's shape). */
export function kratosConfig(project: ConfigHolder): Record<string, unknown> {
  return objectAt(project.config, ["services", "identity", "config"]);
}

/** A nested object of a JSON value; missing or non-object parts read as `{}`. */
export function objectAt(root: unknown, path: string[]): Record<string, unknown> {
  let node: unknown = root;
  for (const key of path) node = node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  return node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
}

const num = (value: unknown, fallback: number, min: number, max: number): number =>
  typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : fallback;
const bool = (value: unknown, fallback: boolean): boolean => (typeof value === "boolean" ? value : fallback);

export interface Argon2Parameters {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  saltLength: number;
  keyLength: number;
}

/** OWASP's argon2id baseline (m=19 MiB, t=2, p=1); Kratos' `hashers.argon2` overrides it per project. */
export const DEFAULT_ARGON2: Argon2Parameters = { memoryKiB: 19_456, iterations: 2, parallelism: 1, saltLength: 16, keyLength: 32 };

/** Kratos writes argon2 memory as a byte size ("128MB", "19MiB", "65536KB"); binary units as go-bytesize does. */
export function parseByteSizeKiB(value: unknown): number | undefined {
  if (typeof value === "number") return Math.trunc(value / 1024);
  if (typeof value !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*$/i.exec(value);
  if (!match) return undefined;
  const factor: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3 };
  return Math.trunc((Number(match[1]) * factor[(match[2] ?? "b").toLowerCase()]!) / 1024);
}

export function argon2Parameters(project: ConfigHolder): Argon2Parameters {
  const raw = objectAt(kratosConfig(project), ["hashers", "argon2"]);
  return {
    memoryKiB: Math.min(4 * 1024 * 1024, Math.max(8 * 1024, parseByteSizeKiB(raw.memory) ?? DEFAULT_ARGON2.memoryKiB)),
    iterations: num(raw.iterations, DEFAULT_ARGON2.iterations, 1, 20),
    parallelism: num(raw.parallelism, DEFAULT_ARGON2.parallelism, 1, 16),
    saltLength: num(raw.salt_length, DEFAULT_ARGON2.saltLength, 8, 64),
    keyLength: num(raw.key_length, DEFAULT_ARGON2.keyLength, 16, 64),
  };
}

export interface PasswordPolicySettings {
  minLength: number;
  identifierSimilarityCheck: boolean;
  /** k-anonymity range API (Have I Been Pwned's protocol); off unless `haveibeenpwned_enabled` is true. */
  rangeApi?: { baseUrl: string; maxBreaches: number; ignoreNetworkErrors: boolean };
}

/** `selfservice.methods.password.config`, with Kratos' names and defaults (range API off by default here). */
export function passwordPolicySettings(project: ConfigHolder): PasswordPolicySettings {
  const raw = objectAt(kratosConfig(project), ["selfservice", "methods", "password", "config"]);
  const host = typeof raw.haveibeenpwned_host === "string" && raw.haveibeenpwned_host ? raw.haveibeenpwned_host : "api.pwnedpasswords.com";
  return {
    minLength: num(raw.min_password_length, 8, 6, 1024),
    identifierSimilarityCheck: bool(raw.identifier_similarity_check_enabled, true),
    rangeApi: bool(raw.haveibeenpwned_enabled, false)
      ? {
          baseUrl: /^https?:\/\//.test(host) ? host.replace(/\/+$/, "") : `https://${host}`,
          maxBreaches: num(raw.max_breaches, 0, 0, 1_000_000),
          ignoreNetworkErrors: bool(raw.ignore_network_errors, true),
        }
      : undefined,
  };
}
