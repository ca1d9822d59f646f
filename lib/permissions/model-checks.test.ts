import { describe, expect, it } from "vitest";
import { oplLocation, permissionSettings } from "./config";
import { assertWritable } from "./model-checks";
import { parseTupleString } from "./tuple-string";

const opl = `class User implements Namespace {}
class Team implements Namespace { related: { members: User[] } }
class Group implements Namespace { related: { members: (User | SubjectSet<Team, "members">)[] } }
class Folder implements Namespace { related: { viewers: SubjectSet<Group, "members">[] } }
class Doc implements Namespace { related: { parents: Folder[] } }`;

const settings = (strict?: boolean) => permissionSettings({
  services: { permission: { config: { namespaces: { location: oplLocation(opl), ...(strict === undefined ? {} : { experimental_strict_mode: strict }) } } } },
});

describe("strict mode (namespaces.experimental_strict_mode): writes match the declared subject types", () => {
  it("is read from the configuration, off by default", () => {
    expect(settings().strict).toBe(false);
    expect(settings(true).strict).toBe(true);
    expect(settings(true).errors).toEqual([]);
  });

  it("admits declared subject types and refuses others only in strict mode", () => {
    const { model } = settings(true);
    const write = (tuple: string, strict: boolean) => () => assertWritable(model, parseTupleString(tuple), strict);
    for (const ok of ["Group:g#members@alice", "Group:g#members@Team:t#members", "Doc:d#parents@Folder:f", "Folder:f#viewers@Group:g#members"]) {
      expect(write(ok, true), ok).not.toThrow();
    }
    for (const bad of ["Group:g#members@Group:h#members", "Doc:d#parents@Folder:f#viewers", "Folder:f#viewers@bob", "Doc:d#parents@Team:t"]) {
      expect(write(bad, true), bad).toThrow(expect.objectContaining({ id: "subject_type_mismatch", status: 400 }));
      expect(write(bad, false), bad).not.toThrow();
    }
  });
});
