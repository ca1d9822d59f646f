import { describe, expect, it } from "vitest";
import { parseOpl } from "../opl/parse";
import { MemoryTupleStore } from "../store/memory";
import { parseTupleString } from "../tuple-string";
import { exclusionOpl, filesOpl, githubOpl } from "../testing/models";
import { subjectId, subjectSet, type Subject } from "../tuples";
import { checkPermission } from "./check";
import { expand } from "./expand";
import { listObjects, listSubjects } from "./list";
import { grantPath } from "./membership";

function setup(opl: string, tuples: string[]) {
  const { model, errors } = parseOpl(opl);
  expect(errors).toEqual([]);
  const store = new MemoryTupleStore(tuples.map(parseTupleString));
  const check = async (question: string, maxDepth = 5) => {
    const t = parseTupleString(question);
    return (await checkPermission(model, store, t, t.subject, { maxDepth })).membership;
  };
  return { model, store, check };
}

const user = (id: string): Subject => subjectSet("User", id);

describe("Keto's files, folders and groups example", () => {
  const { model, store, check } = setup(filesOpl, [
    "Group:developer#members@User:alice",
    "Group:developer#members@Group:admins",
    "Group:admins#members@User:bob",
    "Folder:keto#viewers@Group:developer#members",
    "File:keto/README.md#parents@Folder:keto",
    "File:keto/README.md#owners@User:carol",
    "File:keto/src/main.go#parents@Folder:src",
    "Folder:src#parents@Folder:keto",
  ]);

  it("grants view through folder viewers and group membership, edit only to owners", async () => {
    expect(await check("File:keto/README.md#view@User:alice")).toBe("member");
    expect(await check("File:keto/README.md#edit@User:alice")).toBe("not_member");
    expect(await check("File:keto/README.md#edit@User:carol")).toBe("member");
    expect(await check("File:keto/README.md#view@User:carol")).toBe("member");
    expect(await check("File:keto/README.md#view@User:mallory")).toBe("not_member");
  });

  it("follows nested folders with traverse, bounded by max-depth", async () => {
    expect(await check("File:keto/src/main.go#view@User:alice")).toBe("member");
    expect(await check("File:keto/src/main.go#view@User:alice", 2)).not.toBe("member");
  });

  it("nested groups: Group members through Group subjects are not subject sets (Group:admins has no relation)", async () => {
    // `Group:developer#members@Group:admins` names the object Group:admins, not its members: bob is not a developer.
    expect(await check("Folder:keto#view@User:bob")).toBe("not_member");
  });

  it("lists objects and subjects consistently with check", async () => {
    const files = await listObjects(model, store, { namespace: "File", relation: "view", subject: user("alice") }, 5, { pageSize: 10 });
    expect(files.items).toEqual(["keto/README.md", "keto/src/main.go"]);
    const viewers = await listSubjects(model, store, { namespace: "File", object: "keto/README.md", relation: "view" }, 5, { pageSize: 10 });
    expect(viewers.items).toContainEqual(user("alice"));
    expect(viewers.items).toContainEqual(user("carol"));
    expect(viewers.items).not.toContainEqual(user("bob"));
  });

  it("explains a grant with the path through the graph", async () => {
    const t = parseTupleString("File:keto/README.md#view@User:alice");
    const outcome = await checkPermission(model, store, t, t.subject, { maxDepth: 5, explain: true });
    const path = grantPath(outcome.trace!).map((n) => n.label);
    expect(path[0]).toBe("File:keto/README.md#view");
    expect(path).toContain("Folder:keto#viewers");
    expect(path.at(-1)).toBe("Group:developer#members@User:alice");
  });

  it("expands into Keto's tree", async () => {
    const tree = await expand(model, store, { namespace: "Folder", object: "keto", relation: "viewers" }, 3);
    expect(tree).toMatchObject({
      type: "union",
      tuple: { subject_set: { namespace: "Folder", object: "keto", relation: "viewers" } },
      children: [{ type: "union", tuple: { subject_set: { namespace: "Group", object: "developer", relation: "members" } } }],
    });
  });
});

describe("GitHub-like repository model", () => {
  const { check } = setup(githubOpl, [
    "Organization:acme#owners@User:olga",
    "Organization:acme#members@Team:core#members",
    "Team:core#members@User:tom",
    "Team:core#members@Team:frontend#members",
    "Team:frontend#members@User:fiona",
    "Repository:acme/api#owner@Organization:acme",
    "Repository:acme/api#writers@User:walt",
    "Repository:acme/api#maintainers@Team:frontend#members",
  ]);

  it("derives roles through inheritance and the organization", async () => {
    expect(await check("Repository:acme/api#admin@User:olga")).toBe("member");
    expect(await check("Repository:acme/api#push@User:olga")).toBe("member");
    expect(await check("Repository:acme/api#pull@User:tom")).toBe("member");
    expect(await check("Repository:acme/api#push@User:tom")).toBe("not_member");
    expect(await check("Repository:acme/api#push@User:walt")).toBe("member");
    expect(await check("Repository:acme/api#maintain@User:walt")).toBe("not_member");
    expect(await check("Repository:acme/api#maintain@User:fiona")).toBe("member");
    expect(await check("Repository:acme/api#pull@User:fiona")).toBe("member");
    expect(await check("Repository:acme/api#admin@User:fiona")).toBe("not_member");
  });
});

describe("intersection and exclusion", () => {
  const { model, store, check } = setup(exclusionOpl, [
    "Document:d#viewers@User:ann",
    "Document:d#viewers@User:ben",
    "Document:d#employees@User:ann",
    "Document:d#banned@User:ben",
  ]);

  it("needs both sides of && and honours !", async () => {
    expect(await check("Document:d#view@User:ann")).toBe("member");
    expect(await check("Document:d#view@User:ben")).toBe("not_member");
    expect(await check("Document:d#read@User:ann")).toBe("member");
    expect(await check("Document:d#read@User:ben")).toBe("not_member");
    expect(await check("Document:d#openness@User:zed")).toBe("member");
    expect(await check("Document:d#openness@User:ben")).toBe("not_member");
  });

  it("never grants through negation when the depth ran out", async () => {
    const banned = setup(`class User implements Namespace {}
class Group implements Namespace { related: { members: User[] } }
class Document implements Namespace {
  related: { banned: (User | SubjectSet<Group, "members">)[] }
  permits = { openness: (ctx: Context): boolean => !this.related.banned.includes(ctx.subject) }
}`, ["Document:d#banned@Group:g#members", "Group:g#members@User:ben"]);
    expect(await banned.check("Document:d#openness@User:zed", 1)).toBe("unknown");
    expect(await banned.check("Document:d#openness@User:zed", 2)).toBe("member");
    expect(await banned.check("Document:d#openness@User:ben", 2)).toBe("not_member");
  });

  it("lists objects of a negation-only permission among the known objects", async () => {
    const page = await listObjects(model, store, { namespace: "Document", relation: "openness", subject: subjectId("zed") }, 5, { pageSize: 5 });
    expect(page.items).toEqual(["d"]);
  });
});

describe("cycles", () => {
  const { check } = setup(`class User implements Namespace {}
class Group implements Namespace { related: { members: (User | SubjectSet<Group, "members">)[] } }
class Folder implements Namespace {
  related: { parents: Folder[], viewers: User[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) || this.related.parents.traverse((p) => p.permits.view(ctx)) }
}`, [
    "Group:a#members@Group:b#members",
    "Group:b#members@Group:a#members",
    "Group:b#members@User:x",
    "Folder:f1#parents@Folder:f2",
    "Folder:f2#parents@Folder:f1",
    "Folder:f2#viewers@User:y",
  ]);

  it("terminate with the right answer", async () => {
    expect(await check("Group:a#members@User:x")).toBe("member");
    expect(await check("Group:a#members@User:nobody")).not.toBe("member");
    expect(await check("Folder:f1#view@User:y")).toBe("member");
    expect(await check("Folder:f1#view@User:nobody", 50)).not.toBe("member");
  });
});
