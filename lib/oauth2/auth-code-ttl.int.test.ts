import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb } from "@/lib/db";
import { defaultProjectConfig } from "@/lib/projects/default-config";
import { createTestProject } from "@/lib/testing/fixtures";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { oauth2Settings } from "./settings";

const MIGRATION = readFileSync(new URL("../../prisma/migrations/20261207181936_auth_code_ttl_default/migration.sql", import.meta.url), "utf8");
const withAuthCodeTtl = (value: string) => ({ services: { oauth2: { config: { ttl: { auth_code: value, access_token: "2h" } } } } });

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => database?.drop());

describe("authorization code lifetime (RFC 6749 §4.1.2: at most 10 minutes)", () => {
  it("new projects default to 10 minutes", () => {
    const config = defaultProjectConfig();
    expect((config.services.oauth2.config.ttl as { auth_code: string }).auth_code).toBe("10m");
    expect(oauth2Settings({ config }).ttl.auth_code).toBe(10 * 60_000);
  });

  it("moves projects still on the old default 30m to 10m as a new revision, and keeps chosen values", async () => {
    const old = await createTestProject(withAuthCodeTtl("30m"));
    const chosen = await createTestProject(withAuthCodeTtl("15m"));
    const db = await platformDb();
    await db.$executeRawUnsafe(MIGRATION);
    const moved = await db.project.findUniqueOrThrow({ where: { id: old.projectId } });
    expect(moved.config).toEqual(withAuthCodeTtl("10m"));
    expect(moved.revision).toBe(2);
    const snapshot = await db.projectRevision.findFirstOrThrow({ where: { projectId: old.projectId, revision: 2 } });
    expect(snapshot.config).toEqual(withAuthCodeTtl("10m"));
    expect(await db.auditEvent.count({ where: { projectId: old.projectId, action: "project.patched" } })).toBe(1);
    const kept = await db.project.findUniqueOrThrow({ where: { id: chosen.projectId } });
    expect(kept.config).toEqual(withAuthCodeTtl("15m"));
    expect(kept.revision).toBe(1);
  });
});
