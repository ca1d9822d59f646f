import { describe, expect, it } from "vitest";
import { parseTupleString } from "@/lib/permissions/tuple-string";
import { layoutObjectGraph, shortLabel } from "./object-graph";

describe("layoutObjectGraph", () => {
  it("puts every relationship of the object in one sorted column, subject ids and subject sets apart", () => {
    const layout = layoutObjectGraph("Document", "readme", [
      parseTupleString("Document:readme#viewers@Group:eng#members"),
      parseTupleString("Document:readme#owners@alice"),
    ]);
    expect(layout.object).toBe("Document:readme");
    expect(layout.edges.map((e) => [e.relation, e.subject, e.kind])).toEqual([
      ["owners", "alice", "id"],
      ["viewers", "Group:eng#members", "set"],
    ]);
    expect(layout.edges[1]!.y).toBeGreaterThan(layout.edges[0]!.y);
    expect(layout.edges.every((e) => e.y < layout.height)).toBe(true);
  });

  it("has room for an object without relationships", () => {
    expect(layoutObjectGraph("Document", "x", []).height).toBe(120);
  });

  it("shortens long labels only", () => {
    expect(shortLabel("alice")).toBe("alice");
    expect(shortLabel("x".repeat(40))).toHaveLength(26);
  });
});
