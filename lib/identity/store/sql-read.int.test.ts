import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlRunner } from "@/lib/db/sql-runner";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { markAddressVerified } from "../addresses";
import { createIdentity } from "../create";
import { getIdentity } from "../read";
import { systemContext } from "../test-context";
import { enforceRateLimitsWith, setRateLimitStore } from "@/lib/ratelimit";
import { postgresStore } from "@/lib/ratelimit/postgres-store";
import { findPasswordCredential, passwordCredentialFromRows, passwordCredentialStatement } from "./sql-read";

let database: TestDatabase;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  a = await createTestProject();
  b = await createTestProject();
}, 180_000);
afterAll(async () => {
  await database?.drop();
});

describe("findPasswordCredential (the login path's SQL read)", () => {
  it("returns the identity exactly as the Prisma read with identityInclude does, constrained to the project", async () => {
    const ctx = await systemContext(a.slug);
    const created = await createIdentity(ctx, {
      schema_id: "preset://email",
      traits: { email: "Sql-Read@example.com" },
      metadata_public: { plan: "pro", n: [1, 2] },
      external_id: "ext-sql-read",
      credentials: {
        password: { config: { password: "correct-Horse-battery-9" } },
        oidc: { config: { providers: [{ provider: "github", subject: "12345" }] } },
      },
    });
    await markAddressVerified(ctx, created.id, "sql-read@example.com");
    const expected = await getIdentity(ctx, created.id);
    const match = await findPasswordCredential(await sqlRunner(), a.projectId, "sql-read@example.com");
    expect(match?.identity).toStrictEqual(expected);
    expect(match?.credentialId).toBe(expected!.credentials.find((c) => c.type === "password")!.id);
    expect((match?.config as { hashed_password: string }).hashed_password).toMatch(/^\$argon2id\$/);
    expect(expected!.credentials.map((c) => c.type)).toEqual(["code", "oidc", "password"]);
    expect(expected!.verifiableAddresses[0]?.verifiedAt).toBeInstanceOf(Date);

    expect(await findPasswordCredential(await sqlRunner(), b.projectId, "sql-read@example.com")).toBeUndefined();
    expect(await findPasswordCredential(await sqlRunner(), a.projectId, "github:12345")).toBeUndefined();

    // The login's precheck runs the same read with its rate limits (one statement): the same match.
    setRateLimitStore(postgresStore);
    try {
      const limits = (["login:ip", "login:identifier"] as const).map((rule) => ({ projectId: a.projectId, rule, subject: "sql-read@example.com" }));
      const { rows } = await enforceRateLimitsWith(limits, passwordCredentialStatement(a.projectId, "sql-read@example.com"));
      expect(passwordCredentialFromRows(rows!)).toStrictEqual(match);
      const none = await enforceRateLimitsWith(limits, passwordCredentialStatement(a.projectId, "nobody@example.com"));
      expect(none.rows).toEqual([]);
    } finally {
      setRateLimitStore(undefined);
    }
  });
});
