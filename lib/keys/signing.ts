import type { KeyObject } from "node:crypto";
import type { SigningAlgorithm } from "./algorithms";
import { provisionKeyPair, rotateKeySet } from "./rotation";
import { invalidateProjectKeys, loadProjectKeys, type KeyScope, type LoadedKey } from "./store";

/** Hydra's key set names: ID tokens (RS256 by default, OIDC Core §3.1.3.7) and JWT access tokens. */
export const ID_TOKEN_SET = "hydra.openid.id-token";
export const ACCESS_TOKEN_SET = "hydra.jwt.access-token";
export const PUBLISHED_SETS = [ID_TOKEN_SET, ACCESS_TOKEN_SET];

/** A key signs for this long before it is rotated out automatically (on the next signature after that). */
export const ROTATION_INTERVAL_MS = 90 * 24 * 3600_000;
/** The next key is published at least this long (> JWKS max-age) before it may sign. */
export const PUBLISH_BEFORE_SIGNING_MS = 3600_000;
export const JWKS_MAX_AGE_SECONDS = 300;

export interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  key: KeyObject;
}

function activeKey(keys: LoadedKey[], setName: string, alg: SigningAlgorithm): LoadedKey | undefined {
  let best: LoadedKey | undefined;
  for (const key of keys) {
    const r = key.row;
    if (r.setName !== setName || r.alg !== alg || r.state !== "active" || r.use !== "sig" || !r.sealedPrivateJwk) continue;
    if (!best || (r.activeAt ?? r.createdAt) > (best.row.activeAt ?? best.row.createdAt)) best = key;
  }
  return best;
}

const dueForRotation = (key: LoadedKey, now: Date) => now.getTime() - (key.row.activeAt ?? key.row.createdAt).getTime() > ROTATION_INTERVAL_MS;

/**
 * The key that signs now for (set, alg). Sets are provisioned on first use with an active key and a
 * published next key; an active key older than the rotation interval is rotated out (its successor has
 * been published all along, so relying parties already have it).
 */
export async function signingKey(scope: KeyScope, setName: string, alg: SigningAlgorithm, retainForMs: () => Promise<number>): Promise<SigningKey> {
  let keys = await loadProjectKeys(scope);
  let active = activeKey(keys, setName, alg);
  if (!active || dueForRotation(active, scope.now)) {
    if (!active) await provisionOnce(scope, setName, alg);
    else await rotateKeySet(scope, setName, { retainForMs: await retainForMs(), alg, onlyPublishedFor: PUBLISH_BEFORE_SIGNING_MS });
    invalidateProjectKeys(scope.project.id);
    keys = await loadProjectKeys(scope);
    active = activeKey(keys, setName, alg);
    if (!active) throw new Error(`No signing key for ${setName}/${alg}.`);
  }
  return { kid: active.row.kid, alg, key: await active.privateKeyObject() };
}

// Concurrent first signatures in one process provision one key pair, not one each.
const provisioning = new Map<string, Promise<void>>();

function provisionOnce(scope: KeyScope, setName: string, alg: SigningAlgorithm): Promise<void> {
  const key = `${scope.project.id}\u0000${setName}\u0000${alg}`;
  let pending = provisioning.get(key);
  if (!pending) {
    pending = provisionKeyPair(scope, setName, alg).finally(() => provisioning.delete(key));
    provisioning.set(key, pending);
  }
  return pending;
}

const lastReload = new Map<string, number>();

/** A published key by kid (for verifying our own tokens); reloads once on a miss, at most once a second. */
export async function verificationKey(scope: KeyScope, kid: string, sets = PUBLISHED_SETS): Promise<LoadedKey | undefined> {
  const find = (keys: LoadedKey[]) => keys.find((k) => k.row.kid === kid && sets.includes(k.row.setName) && k.isPublished(scope.now));
  const found = find(await loadProjectKeys(scope));
  if (found) return found;
  const last = lastReload.get(scope.project.id) ?? 0;
  if (Date.now() - last < 1000) return undefined;
  lastReload.set(scope.project.id, Date.now());
  invalidateProjectKeys(scope.project.id);
  return find(await loadProjectKeys(scope));
}

/** The public JWK Set of the issuer (RFC 7517 §5): next, active and unexpired retired keys of the published sets. */
export async function publishedJwks(scope: KeyScope, ensure: { setName: string; alg: SigningAlgorithm }[] = [], sets = PUBLISHED_SETS) {
  let keys = await loadProjectKeys(scope);
  const missing = ensure.filter((e) => !activeKey(keys, e.setName, e.alg));
  if (missing.length) {
    for (const m of missing) await provisionKeyPair(scope, m.setName, m.alg);
    invalidateProjectKeys(scope.project.id);
    keys = await loadProjectKeys(scope);
  }
  return { keys: keys.filter((k) => sets.includes(k.row.setName) && k.isPublished(scope.now)).map((k) => k.row.publicJwk) };
}
