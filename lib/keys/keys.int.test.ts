import { createLocalJWKSet, jwtVerify, SignJWT, importJWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb } from "@/lib/db";
import { startOAuth2Harness, type OAuth2Harness } from "@/lib/oauth2/testing/harness";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { ID_TOKEN_SET, rotateKeySet, signCompact, signingKey } from "./index";

let h: OAuth2Harness;
beforeAll(async () => {
  h = await startOAuth2Harness();
});
afterAll(async () => h?.close());

async function scope() {
  const project = (await findProjectBySlug(h.a.slug))!;
  return { project, db: await projectDb(project.id), now: new Date() };
}

describe("JSON Web Keys", () => {
  it("creates, reads, imports and deletes keys with Ory's JwkApi", async () => {
    const { jwk } = h.sdk(h.a);
    for (const alg of ["RS256", "ES256", "EdDSA"]) {
      const set = await jwk.createJsonWebKeySet({ set: `set-${alg}`, createJsonWebKeySet: { alg, use: "sig", kid: `k-${alg}` } });
      expect(set.keys![0].kid).toBe(`k-${alg}`);
      expect(set.keys![0]).toHaveProperty("d");
      const read = await jwk.getJsonWebKeySet({ set: `set-${alg}` });
      expect(read.keys).toHaveLength(1);
      expect(read.keys![0].d).toBeUndefined();
    }
    const generated = await jwk.createJsonWebKeySet({ set: "import-src", createJsonWebKeySet: { alg: "ES256", use: "sig", kid: "imp" } });
    const imported = await jwk.setJsonWebKey({ set: "imported", kid: "imp", jsonWebKey: generated.keys![0] });
    expect(imported.kid).toBe("imp");
    expect(imported.d).toBeUndefined();
    expect((await jwk.getJsonWebKey({ set: "imported", kid: "imp" })).keys![0].x).toBe(generated.keys![0].x);
    await jwk.deleteJsonWebKey({ set: "imported", kid: "imp" });
    await expect(jwk.getJsonWebKeySet({ set: "imported" })).rejects.toMatchObject({ response: { status: 404 } });
    await jwk.deleteJsonWebKeySet({ set: "set-RS256" });
    expect((await h.admin(h.b, "GET", "/admin/keys/set-ES256")).status).toBe(404);
  });

  it("rejects symmetric and unknown algorithms", async () => {
    expect((await h.admin(h.a, "POST", "/admin/keys/x", { alg: "HS256", use: "sig", kid: "a" })).status).toBe(400);
    expect((await h.admin(h.a, "POST", "/admin/keys/x", { alg: "none", use: "sig", kid: "a" })).status).toBe(400);
  });

  it("stores private keys encrypted and never in clear text", async () => {
    const db = await platformDb();
    const rows = await db.oAuth2JsonWebKey.findMany({ where: { projectId: h.a.projectId } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.privateJwk?.startsWith("v1.")).toBe(true);
      expect(row.privateJwk).not.toContain('"d"');
    }
  });

  it("publishes the next key before it signs and keeps the retired key until tokens expire", async () => {
    const s = await scope();
    const jwks = async () => (await (await fetch(`${h.issuer(h.a)}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const initial = await jwks();
    expect(initial.keys.length).toBeGreaterThanOrEqual(4); // active + next for RS256 and ES256
    const before = await signingKey(s, ID_TOKEN_SET, "RS256", async () => 3_600_000);
    const token = signCompact({ kid: before.kid, typ: "JWT" }, { sub: "x" }, before.key, "RS256");
    const published = initial.keys.map((k) => k.kid);
    const { rotated } = await rotateKeySet(s, ID_TOKEN_SET, { retainForMs: 3_600_000 });
    expect(rotated).toHaveLength(1);
    expect(published).toContain(rotated[0]); // the new signing key was already published
    const after = await signingKey({ ...s, now: new Date() }, ID_TOKEN_SET, "RS256", async () => 3_600_000);
    expect(after.kid).toBe(rotated[0]);
    const now = await jwks();
    expect(now.keys.map((k) => k.kid)).toContain(before.kid); // retired, still verifies
    const verified = await jwtVerify(token, createLocalJWKSet(now as never));
    expect(verified.payload.sub).toBe("x");
    // a foreign key never verifies
    const foreign = await new SignJWT({ sub: "x" }).setProtectedHeader({ alg: "ES256", kid: before.kid }).sign(await importJWK((await h.sdk(h.a).jwk.createJsonWebKeySet({ set: "f", createJsonWebKeySet: { alg: "ES256", use: "sig", kid: "f1" } })).keys![0] as never, "ES256"));
    await expect(jwtVerify(foreign, createLocalJWKSet(now as never))).rejects.toThrow();
  });
});
