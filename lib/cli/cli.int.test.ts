import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, initDatabase, readMigrations } from "@/lib/db";
import { createEmptyDatabase, type TestDatabase } from "@/lib/testing/database";
import { startApiServer } from "@/lib/testing/server";

const BIN = path.resolve(import.meta.dirname, "../../bin/portcullis.mjs");
let database: TestDatabase;

beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(async () => {
  await closeDatabase();
  await database?.drop();
});

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `portcullis` bin against the test database (asynchronously: PGlite may live in this process). */
function portcullis(...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("portcullis CLI", () => {
  it("migrates a fresh database, then finds nothing to do", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    const first = await portcullis("migrate", "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ applied: names, already_applied: [] });
    const second = await portcullis("migrate");
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("up to date");
  }, 120_000);

  it("initializes once, prints the workspace key as JSON, and refuses a second time", async () => {
    const first = await portcullis("init", "--email", "Owner@Example.com", "--password", "correct horse", "--workspace", "Acme", "--json");
    expect(first.code, first.stderr).toBe(0);
    const output = JSON.parse(first.stdout);
    expect(Object.keys(output)).toEqual(["workspace_id", "api_key"]);
    expect(output.workspace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(output.api_key).toMatch(/^pc_wak_/);
    expect(first.stdout.trim().split("\n")).toHaveLength(1);

    const second = await portcullis("init", "--email", "other@example.com", "--password", "correct horse", "--workspace", "Again", "--json");
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("already set up");
    expect(second.stdout).toBe("");

    // The printed key drives the console API.
    await initDatabase({ url: database.url, pool: 1 });
    const server = await startApiServer();
    try {
      const response = await fetch(`${server.url}/api/console/workspaces`, { headers: { authorization: `Bearer ${output.api_key}` } });
      expect(response.status).toBe(200);
      expect((await response.json()).workspaces).toEqual([expect.objectContaining({ id: output.workspace_id, name: "Acme" })]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it("rejects bad input with exit code 2", async () => {
    const cases = [
      ["init", "--email", "not-an-email", "--password", "correct horse", "--workspace", "W"],
      ["init", "--email", "x@example.com", "--workspace", "W"],
      ["init", "--bogus"],
    ];
    for (const args of cases) {
      const result = await portcullis(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.length, args.join(" ")).toBeGreaterThan(0);
    }
    const help = await portcullis("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: portcullis/);
    expect(help.stdout).toContain("--workspace NAME");
  }, 120_000);
});
