import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { can, consoleAccessForWorkspaceKey, requireWorkspace, type ConsoleAccess, type WorkspaceRole } from "./index";

const userWith = (role: WorkspaceRole): ConsoleAccess => ({ actor: { type: "user", id: "u", email: "u@x" }, roles: new Map([["w1", role]]) });

const statusOf = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as AppError).status;
  }
};

describe("console access", () => {
  it("grants by role: viewer reads, developer writes, admin and owner manage", () => {
    const table: [WorkspaceRole, boolean, boolean, boolean][] = [
      ["viewer", true, false, false],
      ["developer", true, true, false],
      ["admin", true, true, true],
      ["owner", true, true, true],
    ];
    for (const [role, read, write, manage] of table) {
      expect([can(userWith(role), "w1", "read"), can(userWith(role), "w1", "write"), can(userWith(role), "w1", "manage")], role).toEqual([read, write, manage]);
    }
  });

  it("hides other workspaces (404) and refuses missing permissions (403)", () => {
    expect(statusOf(() => requireWorkspace(userWith("owner"), "w2", "read"))).toBe(404);
    expect(statusOf(() => requireWorkspace(userWith("viewer"), "w1", "write"))).toBe(403);
    expect(statusOf(() => requireWorkspace(userWith("developer"), "w1", "write"))).toBe(200);
  });

  it("scopes a workspace key to its own workspace", () => {
    const access = consoleAccessForWorkspaceKey({ id: "k", workspaceId: "w1" });
    expect(can(access, "w1", "manage")).toBe(true);
    expect(can(access, "w2", "read")).toBe(false);
  });
});
