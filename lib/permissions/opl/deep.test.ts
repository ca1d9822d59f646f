import { describe, expect, it } from "vitest";
import { parseOpl } from "./parse";

describe("OPL parser under hostile input (issue 12 §4)", () => {
  it("reports a document nested beyond the parser's stack as an error instead of throwing", () => {
    const deep = "[".repeat(12_000) + "]".repeat(12_000);
    const result = parseOpl(`class A implements Namespace { related: { x: ${deep} } }`);
    expect(result.errors.map((e) => e.message)).toEqual(["the document is nested too deeply to parse"]);
    expect(result.model.namespaces.size).toBe(0);
  });
});
