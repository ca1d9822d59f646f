import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { consoleAccessForUser, type ConsoleAccess } from "@/lib/access";
import { createTestConsoleUser } from "@/lib/testing/console";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createWorkspace } from "@/lib/workspaces";
import { createProject } from "./index";

/** Issue 12 §4: names typed into console forms reach the domain, which refuses what PostgreSQL cannot store. */
let database: TestDatabase;
let access: ConsoleAccess;
let workspaceId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const user = await createTestConsoleUser();
  workspaceId = (await createWorkspace(await consoleAccessForUser(user), { name: "Names" })).id;
  access = await consoleAccessForUser(user);
});
afterAll(async () => database?.drop());

describe("names with text PostgreSQL cannot store", () => {
  it.each([["NUL", "Shop\u0000"], ["a lone surrogate", "Shop\ud800"]])("refuses %s in project and workspace names as invalid input", async (_label, name) => {
    await expect(createProject(access, { name, workspaceId })).rejects.toBeInstanceOf(ZodError);
    await expect(createWorkspace(access, { name })).rejects.toBeInstanceOf(ZodError);
  });
});
