import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { assertMutablePaths, jsonPatchSchema } from "./json-patch";

const mutable = new Set(["name", "services"]);

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : "other";
  }
};

describe("project JSON Patch paths", () => {
  it("lets writes touch mutable members only; tests and copy sources may read anything", () => {
    const check = (ops: unknown) => codeOf(() => assertMutablePaths(jsonPatchSchema.parse(ops), mutable));
    expect(check([{ op: "replace", path: "/services/identity/config/a", value: 2 }])).toBe("ok");
    expect(check([{ op: "test", path: "/id", value: "1" }])).toBe("ok");
    expect(check([{ op: "copy", from: "/id", path: "/name" }])).toBe("ok");
    expect(check([{ op: "replace", path: "/id", value: "2" }])).toBe("bad_request");
    expect(check([{ op: "move", from: "/id", path: "/name" }])).toBe("bad_request");
    expect(check([{ op: "remove", path: "" }])).toBe("bad_request");
  });

});
