import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { applyJsonPatch, jsonPatchSchema } from "./json-patch";

const doc = { id: "1", name: "a", services: { identity: { config: { a: 1 } } } };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : "other";
  }
};

describe("JSON Patch (RFC 6902)", () => {
  it("parses the six operations and requires value where the RFC does", () => {
    expect(jsonPatchSchema.safeParse([{ op: "add", path: "/a", value: null }]).success).toBe(true);
    expect(jsonPatchSchema.safeParse([{ op: "remove", path: "/a", value: "ignored" }]).success).toBe(true);
    expect(jsonPatchSchema.safeParse([{ op: "move", from: "/a", path: "/b" }]).success).toBe(true);
    expect(jsonPatchSchema.safeParse([{ op: "replace", path: "/a" }]).success).toBe(false);
    expect(jsonPatchSchema.safeParse([{ op: "copy", path: "/a" }]).success).toBe(false);
    expect(jsonPatchSchema.safeParse([{ op: "add", path: "a", value: 1 }]).success).toBe(false);
    expect(jsonPatchSchema.safeParse([{ op: "add", path: "/a~2", value: 1 }]).success).toBe(false);
    expect(jsonPatchSchema.safeParse([{ op: "add", path: "/__proto__/x", value: 1 }]).success).toBe(false);
  });

  it("applies patches to a copy, atomically, with failed tests as conflicts", () => {
    const patched = applyJsonPatch(doc, jsonPatchSchema.parse([{ op: "replace", path: "/services/identity/config/a", value: 2 }, { op: "add", path: "/services/x", value: {} }]));
    expect(patched).toEqual({ id: "1", name: "a", services: { identity: { config: { a: 2 } }, x: {} } });
    expect(doc.services.identity.config.a).toBe(1);
    expect(codeOf(() => applyJsonPatch(doc, jsonPatchSchema.parse([{ op: "test", path: "/name", value: "b" }])))).toBe("conflict");
    expect(codeOf(() => applyJsonPatch(doc, jsonPatchSchema.parse([{ op: "remove", path: "/nope" }])))).toBe("bad_request");
    expect(codeOf(() => applyJsonPatch(doc, jsonPatchSchema.parse([{ op: "add", path: "/services/constructor/prototype/p", value: 1 }])))).toBe("bad_request");
  });

  it("refuses a move into the moved member's own child (RFC 6902 §4.4), also from the root", () => {
    const move = (from: string, path: string) => codeOf(() => applyJsonPatch(doc, jsonPatchSchema.parse([{ op: "move", from, path }])));
    expect(move("/services", "/services/identity/x")).toBe("bad_request");
    expect(move("", "/services/x")).toBe("bad_request");
    expect(move("/services/identity", "/services/identity")).toBe("ok");
    expect(move("/name", "/name2")).toBe("ok");
    expect(move("/services", "/servicesX")).toBe("ok");
  });
});
