import { ApiKeysApi, Configuration, ResponseError } from "@ory/client-fetch";
import { createLocalJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb } from "@/lib/db";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { dailyUsage, flushApiKeyUsage } from "./index";

let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  b = await createTestProject();
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const api = (p: TestProject, key: string | null = p.apiKey) => new ApiKeysApi(new Configuration({ basePath: `${server.url}/p/${p.slug}`, accessToken: key ?? undefined }));
const verify = (p: TestProject, credential: string) => api(p).adminVerifyApiKey({ verifyApiKeyRequest: { credential } });
const post = (p: TestProject, path: string, body: unknown, key: string | null = p.apiKey) =>
  fetch(`${server.url}/p/${p.slug}/v2alpha1${path}`, {
    method: "POST", body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
  });

async function errorOf(promise: Promise<unknown>): Promise<{ status: number; body: { error: { code: number; id?: string; reason?: string } } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResponseError) return { status: error.response.status, body: await error.response.json() };
    throw error;
  }
  throw new Error("expected an error");
}

describe("issued API keys through @ory/client-fetch", () => {
  it("issues a key shown once, verifies it, counts usage and lists it without the secret", async () => {
    const issued = await api(a).adminIssueApiKey({
      issueApiKeyRequest: { name: "billing", actor_id: "svc-billing", scopes: ["invoices:read", "invoices:write"], metadata: { team: "payments" }, ttl: "24h", rate_limit_policy: { quota: "100", window: "60s" } },
    });
    expect(issued.secret).toMatch(/^pc_sk_[0-9A-Za-z]{46}$/);
    expect(issued.issued_api_key?.status).toBe("KEY_STATUS_ACTIVE");
    const verified = await verify(a, issued.secret!);
    expect(verified).toMatchObject({ is_valid: true, key_id: issued.issued_api_key?.key_id, actor_id: "svc-billing", scopes: ["invoices:read", "invoices:write"], metadata: { team: "payments" } });
    expect(verified.rate_limit_policy?.quota).toBe("100");
    expect(verified.issuer).toBe(`${server.url}/p/${a.slug}`);
    await verify(a, issued.secret!);
    await flushApiKeyUsage();
    const fetched = await api(a).adminGetIssuedApiKey({ keyId: issued.issued_api_key!.key_id! });
    expect(fetched.last_used_time).toBeInstanceOf(Date);
    expect((fetched as unknown as Record<string, unknown>).secret).toBeUndefined();
    const row = await (await platformDb()).apiKey.findFirstOrThrow({ where: { projectId: a.projectId, id: fetched.key_id! } });
    expect(row.usageCount).toBe(2n);
    const series = (await dailyUsage({ project: { id: a.projectId }, db: await (await import("@/lib/db")).projectDb(a.projectId), now: new Date() }, [row.id], 7)).get(row.id);
    expect(series).toEqual([0, 0, 0, 0, 0, 0, 2]);
    expect(row.secretHash).not.toContain(issued.secret!.slice(6, 20));
    const listed = await api(a).adminListIssuedApiKeys({ pageSize: 10 });
    expect(listed.issued_api_keys?.map((k) => k.key_id)).toContain(fetched.key_id);
    const events = await (await platformDb()).auditEvent.findMany({ where: { projectId: a.projectId, targetId: fetched.key_id! } });
    expect(events.map((e) => e.action)).toContain("api_key.created");
  });

  it("batch-verifies and refuses malformed, unknown, revoked, expired and foreign keys", async () => {
    const good = (await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "good" } })).secret!;
    const revoked = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "revoked" } });
    await api(a).adminRevokeIssuedApiKey({ keyId: revoked.issued_api_key!.key_id!, adminRevokeIssuedApiKeyBody: { reason: "REVOCATION_REASON_KEY_COMPROMISE" } });
    const expiring = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "expiring" } });
    await (await platformDb()).apiKey.updateMany({ where: { projectId: a.projectId, id: expiring.issued_api_key!.key_id! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const foreign = (await api(b).adminIssueApiKey({ issueApiKeyRequest: { name: "b" } })).secret!;
    const tampered = good.slice(0, -1) + (good.endsWith("a") ? "b" : "a");
    const { results } = await api(a).adminBatchVerifyApiKeys({
      batchVerifyApiKeysRequest: { requests: [good, tampered, "pc_sk_short", revoked.secret!, expiring.secret!, foreign, ""].map((credential) => ({ credential })) },
    });
    expect(results?.map((r) => r.is_valid ? "ok" : r.error_code)).toEqual([
      "ok", "VERIFICATION_ERROR_INVALID_FORMAT", "VERIFICATION_ERROR_INVALID_FORMAT", "VERIFICATION_ERROR_REVOKED",
      "VERIFICATION_ERROR_EXPIRED", "VERIFICATION_ERROR_NOT_FOUND", "VERIFICATION_ERROR_INVALID_FORMAT",
    ]);
    expect((await verify(b, foreign)).is_valid).toBe(true);
    expect((await verify(b, good)).error_code).toBe("VERIFICATION_ERROR_NOT_FOUND");
  });

  it("rotates with and without overlap", async () => {
    const first = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "rotating", scopes: ["a"] } });
    const rotated = await api(a).adminRotateIssuedApiKey({ keyId: first.issued_api_key!.key_id!, adminRotateIssuedApiKeyBody: { name: "rotated" } });
    expect(rotated.issued_api_key).toMatchObject({ name: "rotated", scopes: ["a"], status: "KEY_STATUS_ACTIVE" });
    expect(rotated.old_issued_api_key).toMatchObject({ status: "KEY_STATUS_REVOKED", revocation_reason: "REVOCATION_REASON_SUPERSEDED" });
    expect((await verify(a, first.secret!)).error_code).toBe("VERIFICATION_ERROR_REVOKED");
    expect((await verify(a, rotated.secret!)).is_valid).toBe(true);
    // Our `overlap`: the old key keeps working beside the new one until it ends.
    const response = await post(a, `/admin/issuedApiKeys/${rotated.issued_api_key!.key_id}:rotate`, { overlap: "1h" });
    expect(response.status).toBe(201);
    const third = await response.json() as { secret: string; old_issued_api_key: { status: string; overlap_end_time: string } };
    expect(third.old_issued_api_key.status).toBe("KEY_STATUS_ACTIVE");
    expect(Date.parse(third.old_issued_api_key.overlap_end_time)).toBeGreaterThan(Date.now() + 3500_000);
    expect((await verify(a, rotated.secret!)).is_valid).toBe(true);
    expect((await verify(a, third.secret)).is_valid).toBe(true);
    const again = await errorOf(api(a).adminRotateIssuedApiKey({ keyId: rotated.issued_api_key!.key_id!, adminRotateIssuedApiKeyBody: {} }));
    expect(again.status).toBe(409);
    // Revoking in the overlap cuts it off at once.
    await api(a).adminRevokeIssuedApiKey({ keyId: rotated.issued_api_key!.key_id!, adminRevokeIssuedApiKeyBody: { reason: "REVOCATION_REASON_SUPERSEDED" } });
    expect((await verify(a, rotated.secret!)).error_code).toBe("VERIFICATION_ERROR_REVOKED");
    const audit = await (await platformDb()).auditEvent.findMany({ where: { projectId: a.projectId, targetId: rotated.issued_api_key!.key_id! } });
    expect(audit.map((e) => e.action).sort()).toEqual(["api_key.revoked", "api_key.rotated"]);
  });

  it("derives a short-lived JWT that verifies against the published JWKS and through apiKeys:verify", async () => {
    const issued = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "derive", actor_id: "user-7", scopes: ["read", "write"] } });
    const derived = await api(a).adminDeriveToken({ deriveTokenRequest: { credential: issued.secret!, scopes: ["read"], ttl: "300s", custom_claims: { tenant: "acme" } } });
    const { jwks } = await api(a).getJwks();
    const { payload, protectedHeader } = await jwtVerify(derived.token!.token!, createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]), { issuer: `${server.url}/p/${a.slug}` });
    expect(protectedHeader.alg).toBe("EdDSA");
    expect(payload).toMatchObject({ sub: "user-7", scope: "read", tenant: "acme", api_key_id: issued.issued_api_key!.key_id });
    expect(payload.exp! - payload.iat!).toBe(300);
    const verified = await verify(a, derived.token!.token!);
    expect(verified).toMatchObject({ is_valid: true, key_id: issued.issued_api_key!.key_id, scopes: ["read"] });
    expect((await verify(b, derived.token!.token!)).is_valid).toBe(false);
    const wider = await errorOf(api(a).adminDeriveToken({ deriveTokenRequest: { credential: issued.secret!, scopes: ["admin"] } }));
    expect(wider.status).toBe(400);
    const reserved = await errorOf(api(a).adminDeriveToken({ deriveTokenRequest: { credential: issued.secret!, custom_claims: { sub: "x" } } }));
    expect(reserved.status).toBe(400);
    const foreign = await errorOf(api(b).adminDeriveToken({ deriveTokenRequest: { credential: issued.secret! } }));
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.reason).toBe("VERIFICATION_ERROR_NOT_FOUND");
    // Revoking the key ends its derived tokens too.
    await api(a).revokeApiKey({ selfRevokeApiKeyRequest: { credential: issued.secret! } });
    expect((await verify(a, derived.token!.token!)).error_code).toBe("VERIFICATION_ERROR_REVOKED");
  });

  it("lets a key's holder revoke it without an admin credential", async () => {
    const issued = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "leaked" } });
    expect(await api(a, null).revokeApiKey({ selfRevokeApiKeyRequest: { credential: issued.secret!, reason: "REVOCATION_REASON_KEY_COMPROMISE" } })).toEqual({});
    expect((await verify(a, issued.secret!)).error_code).toBe("VERIFICATION_ERROR_REVOKED");
    const key = await api(a).adminGetIssuedApiKey({ keyId: issued.issued_api_key!.key_id! });
    expect(key).toMatchObject({ status: "KEY_STATUS_REVOKED", revocation_reason: "REVOCATION_REASON_KEY_COMPROMISE" });
    const other = (await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "a's" } })).secret!;
    expect((await post(b, "/apiKeys:selfRevoke", { credential: other }, null)).status).toBe(404);
    expect((await post(a, "/apiKeys:selfRevoke", { credential: "pc_sk_nope" }, null)).status).toBe(400);
    expect((await post(a, "/apiKeys:selfRevoke", { credential: other, reason: "REVOCATION_REASON_PRIVILEGE_WITHDRAWN" }, null)).status).toBe(400);
    expect((await verify(a, other)).is_valid).toBe(true);
  });
});

describe("imported API keys", () => {
  it("imports single and batched keys, verifies, updates, revokes and deletes them", async () => {
    const imported = await api(a).adminImportApiKey({ importApiKeyRequest: { raw_key: "legacy-key-0123456789abcdef", name: "legacy", actor_id: "partner-1", scopes: ["read"] } });
    expect(imported.status).toBe("KEY_STATUS_ACTIVE");
    expect((await verify(a, "legacy-key-0123456789abcdef")).actor_id).toBe("partner-1");
    expect((await verify(b, "legacy-key-0123456789abcdef")).error_code).toBe("VERIFICATION_ERROR_NOT_FOUND");
    const duplicate = await errorOf(api(a).adminImportApiKey({ importApiKeyRequest: { raw_key: "legacy-key-0123456789abcdef", name: "again", actor_id: "x" } }));
    expect(duplicate.status).toBe(409);
    const batch = await api(a).adminBatchCreateImportedApiKeys({
      batchCreateImportedApiKeysRequest: { requests: [
        { raw_key: "batch-key-aaaaaaaaaaaaaaaa", name: "one", actor_id: "p" },
        { raw_key: "short", name: "two", actor_id: "p" },
        { raw_key: "legacy-key-0123456789abcdef", name: "three", actor_id: "p" },
      ] },
    });
    expect(batch).toMatchObject({ success_count: 1, failure_count: 2 });
    expect(batch.results?.map((r) => r.error_code ?? "ok")).toEqual(["ok", "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_INVALID_ARGUMENT", "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_ALREADY_EXISTS"]);
    const updated = await api(a).adminUpdateImportedApiKey({ keyId: imported.key_id!, updateMask: "scopes", adminUpdateImportedApiKeyRequest: { scopes: ["read", "write"], name: "ignored" } });
    expect(updated).toMatchObject({ scopes: ["read", "write"], name: "legacy" });
    expect((await verify(a, "legacy-key-0123456789abcdef")).scopes).toEqual(["read", "write"]);
    const limited = await api(a).adminUpdateImportedApiKey({ keyId: imported.key_id!, adminUpdateImportedApiKeyRequest: { rate_limit_policy: { quota: "10", window: "60s" } } });
    expect(limited.rate_limit_policy?.quota).toBe("10");
    const unlimited = await api(a).adminUpdateImportedApiKey({ keyId: imported.key_id!, updateMask: "rate_limit_policy", adminUpdateImportedApiKeyRequest: {} });
    expect(unlimited.rate_limit_policy).toBeUndefined();
    expect((await api(a).adminListImportedApiKeys({ filter: 'actor_id = "partner-1"' })).imported_api_keys?.map((k) => k.key_id)).toEqual([imported.key_id]);
    await api(a).adminRevokeImportedApiKey({ keyId: imported.key_id!, adminRevokeImportedApiKeyBody: { reason: "REVOCATION_REASON_PRIVILEGE_WITHDRAWN", description: "contract ended" } });
    expect((await verify(a, "legacy-key-0123456789abcdef")).error_code).toBe("VERIFICATION_ERROR_REVOKED");
    expect((await api(a).adminGetImportedApiKey({ keyId: imported.key_id! })).revocation_description).toBe("contract ended");
    await api(a).adminDeleteImportedApiKey({ keyId: imported.key_id! });
    expect((await verify(a, "legacy-key-0123456789abcdef")).error_code).toBe("VERIFICATION_ERROR_NOT_FOUND");
    expect((await errorOf(api(a).adminGetImportedApiKey({ keyId: imported.key_id! }))).status).toBe(404);
  });
});

describe("tenant isolation and bad input", () => {
  it("never reads or changes another project's keys", async () => {
    const issued = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "isolated" } });
    const keyId = issued.issued_api_key!.key_id!;
    expect((await errorOf(api(b).adminGetIssuedApiKey({ keyId }))).status).toBe(404);
    expect((await errorOf(api(b).adminRevokeIssuedApiKey({ keyId, adminRevokeIssuedApiKeyBody: { reason: "REVOCATION_REASON_KEY_COMPROMISE" } }))).status).toBe(404);
    expect((await errorOf(api(b).adminRotateIssuedApiKey({ keyId, adminRotateIssuedApiKeyBody: {} }))).status).toBe(404);
    expect((await api(b).adminListIssuedApiKeys()).issued_api_keys?.map((k) => k.key_id)).not.toContain(keyId);
    expect((await errorOf(api(a, b.apiKey).adminListIssuedApiKeys())).status).toBe(401);
    expect((await verify(a, issued.secret!)).is_valid).toBe(true);
  });

  it("answers bad input with Ory's error shape", async () => {
    const noName = await post(a, "/admin/issuedApiKeys", { scopes: ["x"] });
    expect(noName.status).toBe(400);
    expect((await noName.json()).error.code).toBe(400);
    expect((await post(a, "/admin/issuedApiKeys", { name: "x", ttl: "forever" })).status).toBe(400);
    expect((await post(a, "/admin/issuedApiKeys", { name: "x", ip_restriction: { allowed_cidrs: ["10.0.0.0/33"] } })).status).toBe(400);
    expect((await post(a, "/admin/issuedApiKeys/not-a-uuid:revoke", { reason: "REVOCATION_REASON_KEY_COMPROMISE" })).status).toBe(404);
    expect((await post(a, "/admin/issuedApiKeys/00000000-0000-4000-8000-000000000000:frobnicate", {})).status).toBe(404);
    expect((await post(a, "/admin/apiKeys:verify", { credential: "x" }, null)).status).toBe(401);
    const reason = await post(a, "/admin/issuedApiKeys/00000000-0000-4000-8000-000000000000:revoke", { reason: "REVOCATION_REASON_UNSPECIFIED" });
    expect(reason.status).toBe(400);
  });

  it("answers from the database when asked (Cache-Control: no-cache), e.g. after another instance revoked a key", async () => {
    const issued = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "cached" } });
    expect((await verify(a, issued.secret!)).is_valid).toBe(true);
    // Revoked behind this process' back, as another instance would: the cache answers for up to 5 s.
    await (await platformDb()).apiKey.updateMany({ where: { projectId: a.projectId, id: issued.issued_api_key!.key_id! }, data: { revokedAt: new Date() } });
    expect((await verify(a, issued.secret!)).is_valid).toBe(true);
    const fresh = await api(a).adminVerifyApiKey({ verifyApiKeyRequest: { credential: issued.secret! }, cacheControl: "no-cache" });
    expect(fresh.error_code).toBe("VERIFICATION_ERROR_REVOKED");
  });

  it("applies IP restrictions to verification", async () => {
    const issued = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "office", ip_restriction: { allowed_cidrs: ["192.0.2.0/24"] } } });
    expect((await verify(a, issued.secret!)).error_code).toBe("VERIFICATION_ERROR_IP_NOT_ALLOWED");
    const local = await api(a).adminIssueApiKey({ issueApiKeyRequest: { name: "local", ip_restriction: { allowed_cidrs: ["127.0.0.0/8", "::1/128"] } } });
    expect((await verify(a, local.secret!)).is_valid).toBe(true);
  });
});
