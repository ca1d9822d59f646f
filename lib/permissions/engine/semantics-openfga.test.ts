import { describe, expect, it } from "vitest";
import { checkPermission } from "./check";
import { grantPath } from "./membership";
import { parseTupleString } from "../tuple-string";
import { scenario } from "../testing/scenario";

/** Scenarios after OpenFGA's check semantics (tests/check, "invalid tuples", usersets and tuple-to-userset). */

const model = `class User implements Namespace {}
class Group implements Namespace { related: { members: User[], admins: User[] } }
class Team implements Namespace {
  related: { members: User[] }
  permits = { view: (ctx: Context): boolean => this.related.members.includes(ctx.subject) }
}
class Folder implements Namespace {
  related: { viewers: (User | SubjectSet<Group, "members">)[], owners: SubjectSet<Group, "admins">[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) || this.related.owners.includes(ctx.subject) }
}
class Doc implements Namespace {
  related: { parents: Folder[] }
  permits = { view: (ctx: Context): boolean => this.related.parents.traverse((p) => p.permits.view(ctx)) }
}`;

// Tuples stored before the model narrowed the types (or written in non-strict mode): the invalid ones are ignored.
const tuples = [
  "Folder:f#viewers@Group:g#members", "Group:g#members@User:erin", // valid
  "Folder:f#owners@User:bob", // direct: owners admits only SubjectSet<Group, "admins">
  "Folder:f#viewers@Group:g#admins", "Group:g#admins@User:carol", // userset of an undeclared type
  "Doc:d#parents@Folder:f",
  "Doc:d#parents@Team:t", "Team:t#members@User:dave", // tuple-to-userset parent of an undeclared type
  "Doc:d#parents@Folder:x#viewers", "Folder:x#viewers@User:fay", // a subject set where a plain Folder is declared
];

for (const strict of [false, true]) {
  describe(`invalid tuples are discarded at evaluation (OpenFGA)${strict ? ", strict mode" : ""}`, () => {
    const { check, objects, subjects, tree } = scenario(model, tuples, { strict });

    it("check ignores them on direct, userset and tuple-to-userset paths", async () => {
      expect(await check("Folder:f#view@User:erin")).toBe("member");
      expect(await check("Doc:d#view@User:erin")).toBe("member");
      expect(await check("Folder:f#owners@User:bob")).toBe("not_member");
      expect(await check("Folder:f#view@User:bob")).toBe("not_member");
      expect(await check("Folder:f#viewers@User:carol")).toBe("not_member");
      expect(await check("Doc:d#view@User:carol")).toBe("not_member");
      expect(await check("Doc:d#view@User:dave")).toBe("not_member");
      expect(await check("Folder:x#view@User:fay")).toBe("member");
      expect(await check("Doc:d#view@User:fay")).toBe("not_member");
    });

    it("list-objects and list-subjects ignore them too", async () => {
      expect(await objects("Doc#view@User:erin")).toEqual(["d"]);
      for (const ignored of ["User:bob", "User:carol", "User:dave", "User:fay"]) expect(await objects(`Doc#view@${ignored}`), ignored).toEqual([]);
      expect(await objects("Folder#viewers@User:carol")).toEqual([]);
      const viewers = await subjects("Folder:f#view");
      expect(viewers).toContain("User:erin");
      expect(viewers).toContain("Group:g#members");
      for (const ignored of ["User:bob", "User:carol", "Group:g#admins"]) expect(viewers).not.toContain(ignored);
      expect(await subjects("Doc:d#view")).not.toContain("User:dave");
    });

    it("expand leaves them out of the tree", async () => {
      const json = JSON.stringify(await tree("Doc:d#view"));
      expect(json).toContain("erin");
      for (const ignored of ["bob", "carol", "dave", "fay", "admins", "Team"]) expect(json).not.toContain(ignored);
    });
  });
}

describe("a permission reached through several paths at once", () => {
  // OpenFGA: `define assignee: [user] or assignee from parent or assignee from parent_group`. In OPL the directly
  // assigned users are stored under the permission's name, which Keto's non-strict mode reads next to the rewrite.
  const roles = scenario(`class User implements Namespace {}
class Team implements Namespace { related: { assignee: User[] } }
class Role implements Namespace {
  related: { parent: Role[], parent_group: Team[] }
  permits = {
    assignee: (ctx: Context): boolean =>
      this.related.parent.traverse((p) => p.permits.assignee(ctx)) || this.related.parent_group.traverse((t) => t.related.assignee.includes(ctx.subject)),
  }
}`, [
    "Role:admin#assignee@User:ann",
    "Role:editor#parent@Role:admin",
    "Role:editor#parent_group@Team:ops",
    "Team:ops#assignee@User:bo",
    "Role:editor#assignee@User:cy",
    "Role:viewer#parent@Role:editor",
    "Role:viewer#parent_group@Team:ops",
  ]);

  it("grants through the stored tuple and through each traversal", async () => {
    for (const member of ["Role:admin#assignee@User:ann", "Role:editor#assignee@User:ann", "Role:viewer#assignee@User:ann", "Role:editor#assignee@User:bo", "Role:viewer#assignee@User:bo", "Role:viewer#assignee@User:cy"]) {
      expect(await roles.check(member), member).toBe("member");
    }
    expect(await roles.check("Role:admin#assignee@User:bo")).toBe("not_member");
    expect(await roles.objects("Role#assignee@User:ann")).toEqual(["admin", "editor", "viewer"]);
    expect(await roles.objects("Role#assignee@User:bo")).toEqual(["editor", "viewer"]);
    expect(await roles.subjects("Role:viewer#assignee")).toEqual(expect.arrayContaining(["User:ann", "User:bo", "User:cy"]));
  });

  it("grants a viewer reachable as a direct userset and through two traversals, and explains the path that grants", async () => {
    const docs = scenario(`class User implements Namespace {}
class Group implements Namespace { related: { members: (User | SubjectSet<Group, "members">)[] } }
class Org implements Namespace {
  related: { members: SubjectSet<Group, "members">[] }
  permits = { view: (ctx: Context): boolean => this.related.members.includes(ctx.subject) }
}
class Folder implements Namespace {
  related: { viewers: SubjectSet<Group, "members">[], parents: Folder[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) || this.related.parents.traverse((p) => p.permits.view(ctx)) }
}
class Doc implements Namespace {
  related: { viewers: SubjectSet<Group, "members">[], folder: Folder[], org: Org[] }
  permits = {
    view: (ctx: Context): boolean =>
      this.related.viewers.includes(ctx.subject) || this.related.folder.traverse((f) => f.permits.view(ctx)) || this.related.org.traverse((o) => o.permits.view(ctx)),
  }
}`, [
      "Group:staff#members@Group:eng#members", "Group:eng#members@Group:web#members",
      "Group:web#members@Group:frontend#members", "Group:frontend#members@User:ann",
      "Doc:d#viewers@Group:staff#members",
      "Doc:d#folder@Folder:f", "Folder:f#parents@Folder:root", "Folder:root#viewers@Group:eng#members",
      "Doc:d#org@Org:acme", "Org:acme#members@Group:staff#members",
    ]);
    expect(await docs.check("Doc:d#view@User:ann")).toBe("member");
    expect(await docs.objects("Doc#view@User:ann")).toEqual(["d"]);
    expect(await docs.subjects("Doc:d#view")).toEqual(expect.arrayContaining(["User:ann", "Group:eng#members", "Group:frontend#members", "Group:staff#members"]));
    const t = parseTupleString("Doc:d#view@User:ann");
    const outcome = await checkPermission(docs.model, docs.store, t, t.subject, { maxDepth: 5, explain: true });
    // Four groups deep, only the direct userset reaches ann within the default max-depth of 5.
    expect(grantPath(outcome.trace!).map((n) => n.label)).toContain("Doc:d#viewers");
    expect(grantPath(outcome.trace!).at(-1)?.label).toBe("Group:frontend#members@User:ann");
  });
});
