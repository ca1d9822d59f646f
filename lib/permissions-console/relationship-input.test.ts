import { describe, expect, it } from "vitest";
import { relationshipInputSchema, tupleFromInput } from "./relationship-input";

const base = { namespace: "Document", object: "readme", relation: "owners" };

describe("relationshipInputSchema", () => {
  it("builds a tuple with a subject id or a subject set", () => {
    expect(tupleFromInput(relationshipInputSchema.parse({ ...base, subjectKind: "id", subjectId: " alice " }))).toEqual({ ...base, subject: { type: "id", id: "alice" } });
    const set = relationshipInputSchema.parse({ ...base, subjectKind: "set", subjectNamespace: "Group", subjectObject: "eng", subjectRelation: "members" });
    expect(tupleFromInput(set).subject).toEqual({ type: "set", namespace: "Group", object: "eng", relation: "members" });
  });

  it("requires the subject of the chosen kind and every tuple part", () => {
    const missingId = relationshipInputSchema.safeParse({ ...base, subjectKind: "id", subjectId: "" });
    expect(missingId.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["subjectId", "required"]]);
    const missingSet = relationshipInputSchema.safeParse({ ...base, subjectKind: "set", subjectNamespace: "Group" });
    expect(missingSet.error?.issues.map((i) => i.path[0])).toEqual(["subjectObject"]);
    const empty = relationshipInputSchema.safeParse({ namespace: "", object: "  ", relation: "", subjectKind: "id", subjectId: "" });
    expect(empty.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["namespace", "required"], ["object", "required"], ["relation", "required"], ["subjectId", "required"]]);
    expect(relationshipInputSchema.safeParse({ ...base, subjectKind: "other", subjectId: "a" }).success).toBe(false);
  });
});
