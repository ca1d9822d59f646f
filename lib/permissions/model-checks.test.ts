import { describe, expect, it } from "vitest";
import { oplLocation, permissionSettings } from "./config";
import { assertCheckable, assertDeletable, assertInsertable } from "./model-checks";
import { parseTupleString } from "./tuple-string";

const opl = `class User implements Namespace {}
class Team implements Namespace { related: { members: User[] } }
class Group implements Namespace { related: { members: (User | SubjectSet<Team, "members">)[] } }
class Folder implements Namespace { related: { viewers: SubjectSet<Group, "members">[] } }
class Doc implements Namespace {
  related: { parents: Folder[] }
  permits = { view: (ctx: Context): boolean => this.related.parents.traverse((f) => f.related.viewers.includes(ctx.subject)) }
}
class Tag implements Namespace {}`;

const settings = (strict?: boolean) => permissionSettings({
  services: { permission: { config: { namespaces: { location: oplLocation(opl), ...(strict === undefined ? {} : { experimental_strict_mode: strict }) } } } },
});
const insert = (strict: boolean, tuple: string) => () => assertInsertable(settings(strict).model, parseTupleString(tuple));

describe("strict mode (namespaces.experimental_strict_mode): writes must conform to the OPL", () => {
  it("is read from the configuration, off by default, and is part of the model", () => {
    expect(settings().strict).toBe(false);
    expect(settings(true).strict).toBe(true);
    expect(settings(true).errors).toEqual([]);
    expect(settings(true).model.strict).toBe(true);
    expect(settings(true).modelId).not.toBe(settings(false).modelId);
  });

  it("admits declared relations with declared subject types", () => {
    for (const ok of ["Group:g#members@alice", "Group:g#members@User:alice", "Group:g#members@Team:t#members", "Doc:d#parents@Folder:f", "Folder:f#viewers@Group:g#members"]) {
      expect(insert(true, ok), ok).not.toThrow();
    }
  });

  it("refuses other subject types, undeclared relations and permissions with Keto's 400", () => {
    for (const bad of ["Group:g#members@Group:h#members", "Doc:d#parents@Folder:f#viewers", "Folder:f#viewers@bob", "Doc:d#parents@Team:t"]) {
      expect(insert(true, bad), bad).toThrow(expect.objectContaining({ id: "subject_type_mismatch", status: 400 }));
    }
    expect(insert(true, "Doc:d#owners@alice")).toThrow(expect.objectContaining({ id: "unknown_relation", reason: 'relation "owners" does not exist' }));
    expect(insert(true, "Tag:t#parent@Tag:u#parent")).toThrow(expect.objectContaining({ id: "unknown_relation" }));
    expect(insert(true, "Doc:d#view@alice")).toThrow(expect.objectContaining({ id: "unknown_relation", message: expect.stringMatching(/permission/) }));
    expect(insert(true, "Nope:x#r@alice")).toThrow(expect.objectContaining({ id: "unknown_namespace" }));
  });

  it("lets strict mode delete any tuple of a declared namespace (cleaning up what predates it)", () => {
    expect(() => assertDeletable(settings(true).model, parseTupleString("Doc:d#owners@alice"))).not.toThrow();
  });
});

describe("non-strict mode (Keto's default): any relation of a declared namespace is written", () => {
  it("accepts undeclared relations, permissions' names and undeclared subject-set relations", () => {
    for (const ok of ["Tag:t#parent@Tag:u#parent", "Doc:d#owners@alice", "Doc:d#view@alice", "Folder:f#viewers@bob", "Doc:d#parents@Folder:f#anything"]) {
      expect(insert(false, ok), ok).not.toThrow();
    }
    expect(insert(false, "Nope:x#r@alice")).toThrow(expect.objectContaining({ id: "unknown_namespace" }));
    expect(insert(false, "Doc:d#parents@Nope:x")).toThrow(expect.objectContaining({ id: "unknown_namespace" }));
  });

  it("checks any relation of a namespace that declares none, and only declared ones elsewhere (Keto's rule)", () => {
    const { model } = settings(false);
    expect(() => assertCheckable(model, "Tag", "parent")).not.toThrow();
    expect(() => assertCheckable(model, "Doc", "view")).not.toThrow();
    expect(() => assertCheckable(model, "Doc", "owners")).toThrow(expect.objectContaining({ status: 400, reason: 'relation "owners" does not exist' }));
    expect(() => assertCheckable(settings(true).model, "Tag", "parent")).toThrow(expect.objectContaining({ status: 400 }));
  });
});
