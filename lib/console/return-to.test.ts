import { describe, expect, it } from "vitest";
import { consoleLoginUrl, safeConsoleReturnTo } from "./return-to";

describe("safeConsoleReturnTo", () => {
  it("keeps console paths with their query", () => {
    expect(safeConsoleReturnTo("/console/projects/abc/api-keys?page=2")).toBe("/console/projects/abc/api-keys?page=2");
    expect(safeConsoleReturnTo("/console")).toBe("/console");
  });

  it.each([
    "https://evil.example/console",
    "//evil.example/console",
    "/\\evil.example",
    "/\tconsole",
    "javascript:alert(1)",
    "/setup",
    "/consolex",
    "/console/../setup",
    "/console/login",
    "",
    undefined,
    42,
  ])("falls back for %s", (value) => {
    expect(safeConsoleReturnTo(value)).toBe("/console");
  });
});

describe("consoleLoginUrl", () => {
  it("encodes the return path", () => {
    expect(consoleLoginUrl("/console/workspaces/w1?x=1")).toBe("/console/login?return_to=%2Fconsole%2Fworkspaces%2Fw1%3Fx%3D1");
  });
  it("omits return_to for the console home and foreign paths", () => {
    expect(consoleLoginUrl("/console")).toBe("/console/login");
    expect(consoleLoginUrl("//evil")).toBe("/console/login");
  });
});
