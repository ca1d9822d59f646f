import type { JWK } from "jose";
import { conflict, notFound } from "@/lib/core/errors";
import { hasPrivatePart, publicPart, type SigningAlgorithm } from "./algorithms";
import { auditChange, type AuditedScope } from "./audit";
import { sealSecret } from "./encryption";
import { generatedKeyRow } from "./rotation";
import { createKeySetSchema, type JsonWebKeyInput } from "./schemas";
import { invalidateProjectKeys, loadProjectKeys, sealContext, type KeyState } from "./store";
import type { z } from "zod";

const missingSet = (set: string) => notFound(`The JSON Web Key Set ${set} does not exist.`, { id: "jwk_set_not_found" });

/** Admin GET: the public keys of a set (private parts are never returned after creation). */
export async function getKeySet(scope: AuditedScope, setName: string, kid?: string) {
  const keys = (await loadProjectKeys(scope)).filter((k) => k.row.setName === setName && k.isPublished(scope.now) && (!kid || k.row.kid === kid));
  if (!keys.length) throw kid ? notFound(`The key ${kid} does not exist in set ${setName}.`) : missingSet(setName);
  return { keys: keys.map((k) => k.row.publicJwk) };
}

/** The state a new key with a private part takes: active when its (alg, use) has no signing key yet, else next. */
async function initialState(scope: AuditedScope, setName: string, alg: string, use: string, withPrivate: boolean): Promise<KeyState> {
  if (!withPrivate) return "public";
  const keys = await loadProjectKeys(scope);
  const hasActive = keys.some((k) => k.row.setName === setName && k.row.alg === alg && k.row.use === use && k.row.state === "active");
  return hasActive ? "next" : "active";
}

/**
 * Hydra's createJsonWebKeySet: generates a key in the set. A set's first key signs at once; later keys are
 * published as `next` and sign only after rotation (so relying parties see them before they sign).
 * The response carries the private key once, as Hydra's does.
 */
export async function createKey(scope: AuditedScope, setName: string, input: z.infer<typeof createKeySetSchema>) {
  const existing = (await loadProjectKeys(scope)).find((k) => k.row.setName === setName && k.row.kid === input.kid);
  if (existing) throw conflict(`The key ${input.kid} already exists in set ${setName}.`);
  const state = await initialState(scope, setName, input.alg, input.use, true);
  const { privateJwkPlain, ...row } = await generatedKeyRow(scope, setName, input.alg, state, input.kid, input.use);
  await scope.db.$transaction(async (tx) => {
    await tx.oAuth2JsonWebKey.create({ data: row });
    await auditChange(scope, tx, "oauth2.jwk.created", "jwk", `${setName}/${row.kid}`, { alg: input.alg, use: input.use, state });
  });
  invalidateProjectKeys(scope.project.id);
  return { keys: [privateJwkPlain as JWK] };
}

async function importRow(scope: AuditedScope, setName: string, jwk: JsonWebKeyInput, state: KeyState) {
  const full = jwk as JWK;
  return {
    projectId: scope.project.id,
    setName,
    kid: jwk.kid,
    alg: jwk.alg as SigningAlgorithm,
    use: jwk.use,
    state,
    publicJwk: publicPart(full) as object,
    privateJwk: hasPrivatePart(full) ? await sealSecret(JSON.stringify(full), sealContext(scope.project.id, setName, jwk.kid)) : null,
    createdAt: scope.now,
    activeAt: state === "active" ? scope.now : null,
  };
}

/** Hydra's setJsonWebKey: imports (or replaces) one key; a replaced key keeps its state. */
export async function putKey(scope: AuditedScope, setName: string, kid: string, jwk: JsonWebKeyInput) {
  if (jwk.kid !== kid) jwk = { ...jwk, kid };
  const current = (await loadProjectKeys(scope)).find((k) => k.row.setName === setName && k.row.kid === kid);
  const withPrivate = hasPrivatePart(jwk as JWK);
  const state: KeyState = current && withPrivate && current.row.state !== "public" ? current.row.state : await initialState(scope, setName, jwk.alg, jwk.use, withPrivate);
  const row = await importRow(scope, setName, jwk, state);
  await scope.db.$transaction(async (tx) => {
    await tx.oAuth2JsonWebKey.deleteMany({ where: { setName, kid } });
    await tx.oAuth2JsonWebKey.create({ data: row });
    await auditChange(scope, tx, "oauth2.jwk.imported", "jwk", `${setName}/${kid}`, { alg: jwk.alg, use: jwk.use, state });
  });
  invalidateProjectKeys(scope.project.id);
  return publicPart(jwk as JWK);
}

/** Hydra's setJsonWebKeySet: replaces the whole set with the given keys (first private key per alg/use signs). */
export async function putKeySet(scope: AuditedScope, setName: string, keys: JsonWebKeyInput[]) {
  const signing = new Set<string>();
  const rows: Awaited<ReturnType<typeof importRow>>[] = [];
  for (const jwk of keys) {
    const slot = `${jwk.alg}/${jwk.use}`;
    const withPrivate = hasPrivatePart(jwk as JWK);
    const state: KeyState = !withPrivate ? "public" : signing.has(slot) ? "next" : "active";
    if (withPrivate) signing.add(slot);
    rows.push(await importRow(scope, setName, jwk, state));
  }
  if (new Set(rows.map((r) => r.kid)).size !== rows.length) throw conflict("Key ids (kid) must be unique within a set.");
  await scope.db.$transaction(async (tx) => {
    await tx.oAuth2JsonWebKey.deleteMany({ where: { setName } });
    if (rows.length) await tx.oAuth2JsonWebKey.createMany({ data: rows });
    await auditChange(scope, tx, "oauth2.jwk_set.replaced", "jwk_set", setName, { kids: rows.map((r) => r.kid) });
  });
  invalidateProjectKeys(scope.project.id);
  return { keys: keys.map((k) => publicPart(k as JWK)) };
}

export async function deleteKeys(scope: AuditedScope, setName: string, kid?: string) {
  await scope.db.$transaction(async (tx) => {
    const { count } = await tx.oAuth2JsonWebKey.deleteMany({ where: { setName, ...(kid ? { kid } : {}) } });
    if (count === 0) throw kid ? notFound(`The key ${kid} does not exist in set ${setName}.`) : missingSet(setName);
    await auditChange(scope, tx, kid ? "oauth2.jwk.deleted" : "oauth2.jwk_set.deleted", kid ? "jwk" : "jwk_set", kid ? `${setName}/${kid}` : setName);
  });
  invalidateProjectKeys(scope.project.id);
}
