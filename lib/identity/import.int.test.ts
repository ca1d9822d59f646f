import { pbkdf2Sync, randomBytes, scryptSync } from "node:crypto";
import { Configuration, IdentityApi } from "@ory/client-fetch";
import bcrypt from "bcryptjs";
import { createHMAC, createMD4 } from "hash-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { md5Crypt } from "./hashes/md5-crypt";
import { getIdentity } from "./read";
import { verifyPasswordLogin } from "./password";
import { systemContext } from "./test-context";

let database: TestDatabase;
let server: TestServer;
let project: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  project = await createTestProject();
}, 180_000); // migrating a fresh PGlite database is slow on a busy machine
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const PASSWORD = "imported-Passw0rd!";
const raw = (b: Buffer) => b.toString("base64").replace(/=+$/, "");
const salt = randomBytes(16);

const hashes: Record<string, string> = {
  bcrypt: bcrypt.hashSync(PASSWORD, 6),
  pbkdf2: `$pbkdf2-sha256$i=10000,l=32$${raw(salt)}$${raw(pbkdf2Sync(PASSWORD, salt, 10000, 32, "sha256"))}`,
  scrypt: `$scrypt$ln=16384,r=8,p=1$${salt.toString("base64")}$${scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64")}`,
  "md5-crypt": md5Crypt(PASSWORD, "importme"),
  // Kratos' pbkdf2-sha384 is PBKDF2 over SHA3-384.
  "pbkdf2-sha384": `$pbkdf2-sha384$i=10000,l=48$${raw(salt)}$${raw(pbkdf2Sync(PASSWORD, salt, 10000, 48, "sha3-384"))}`,
};

async function hmacMd4Hash(): Promise<string> {
  const mac = await createHMAC(createMD4(), salt);
  mac.init();
  mac.update(PASSWORD);
  return `$hmac-md4$${Buffer.from(mac.digest("hex")).toString("base64")}$${salt.toString("base64")}`;
}
hashes["hmac-md4"] = await hmacMd4Hash();

describe("import of hashed passwords", () => {
  for (const [format, hashed] of Object.entries(hashes)) {
    it(`${format}: signs in with the original password and is rehashed to argon2id`, async () => {
      const api = new IdentityApi(new Configuration({ basePath: `${server.url}/p/${project.slug}`, accessToken: project.apiKey }));
      const email = `${format}@import.example`;
      const created = await api.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email }, credentials: { password: { config: { hashed_password: hashed } } } } });
      const ctx = await systemContext(project.slug);

      expect(await verifyPasswordLogin(ctx, email, "wrong password")).toBeUndefined();
      const stored = (await getIdentity(ctx, created.id))!.credentials.find((c) => c.type === "password")!.config as { hashed_password: string };
      expect(stored.hashed_password).toBe(hashed); // a failed attempt changes nothing

      const identity = await verifyPasswordLogin(ctx, email.toUpperCase(), PASSWORD);
      expect(identity?.id).toBe(created.id);
      const rehashed = (await getIdentity(ctx, created.id))!.credentials.find((c) => c.type === "password")!.config as { hashed_password: string };
      expect(rehashed.hashed_password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect((await verifyPasswordLogin(ctx, email, PASSWORD))?.id).toBe(created.id);
    });
  }

  it("rejects hashes in unknown formats with 400", async () => {
    const response = await fetch(`${server.url}/p/${project.slug}/admin/identities`, {
      method: "POST",
      headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ schema_id: "preset://email", traits: { email: "unknown@import.example" }, credentials: { password: { config: { hashed_password: "$nope$abc" } } } }),
    });
    expect(response.status).toBe(400);
  });

  it("rejects a hash Kratos would not decode (non-zero base64 padding bits) with 400 and the reason", async () => {
    const response = await fetch(`${server.url}/p/${project.slug}/admin/identities`, {
      method: "POST",
      headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        schema_id: "preset://email",
        traits: { email: "padding@import.example" },
        credentials: { password: { config: { hashed_password: "$argon2id$v=19$m=32,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRN2" } } },
      }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.reason).toMatch(/not a well-formed argon2 hash/);
  });

  it("answers unknown identifiers after a comparable argon2id verification", async () => {
    const ctx = await systemContext(project.slug);
    await verifyPasswordLogin(ctx, "warmup@nowhere.example", PASSWORD); // first call creates the dummy hash
    const started = performance.now();
    expect(await verifyPasswordLogin(ctx, "nobody@nowhere.example", PASSWORD)).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThan(5); // an argon2id verification ran
  });
});
