import { describe, expect, it } from "vitest";
import { scenario } from "../testing/scenario";

/** Scenarios after Ory Keto's check-engine suite (internal/check) and its OPL documentation. */

const groupTuples = [
  "Group:org#members@Group:eng#members",
  "Group:org#members@User:ceo",
  "Group:eng#members@User:lead",
  "Group:eng#members@Group:web#members",
  "Group:eng#members@Group:api#members",
  "Group:api#members@User:ann",
  "Group:api#members@ann",
  "Group:web#members@User:bo",
];
const typedGroups = `class User implements Namespace {}
class Group implements Namespace { related: { members: (User | SubjectSet<Group, "members">)[] } }`;

describe("non-strict mode: a namespace that declares no relation accepts any (Keto's default)", () => {
  for (const [name, opl, strict] of [
    ["namespaces only", "class User implements Namespace {}\nclass Group implements Namespace {}", false],
    ["typed relations", typedGroups, false],
    ["typed relations, strict mode", typedGroups, true],
  ] as const) {
    it(`follows stored subject sets upwards only (${name})`, async () => {
      const { check } = scenario(opl, groupTuples, { strict });
      for (const member of ["Group:org#members@User:ann", "Group:org#members@ann", "Group:org#members@User:bo", "Group:eng#members@User:lead", "Group:api#members@ann"]) {
        expect(await check(member), member).toBe("member");
      }
      for (const outsider of ["Group:web#members@User:ann", "Group:api#members@User:bo", "Group:api#members@User:lead", "Group:eng#members@User:ceo"]) {
        expect(await check(outsider), outsider).not.toBe("member");
      }
    });
  }

  it("reads relations stored in a namespace-only OPL, but implies none (no transitive parent access)", async () => {
    const { check } = scenario("class User implements Namespace {}\nclass Dir implements Namespace {}\nclass File implements Namespace {}", [
      "File:report#parent@Dir:docs",
      "Dir:docs#access@User:ann",
    ]);
    expect(await check("Dir:docs#access@User:ann")).toBe("member");
    expect(await check("File:report#parent@Dir:docs")).toBe("member");
    expect(await check("File:report#access@User:ann")).toBe("not_member");
  });

  it("counts depth in subject-set hops: three groups deep needs max-depth 3", async () => {
    const { check } = scenario("class User implements Namespace {}\nclass Group implements Namespace {}", groupTuples);
    expect(await check("Group:org#members@User:ann", 2)).not.toBe("member");
    expect(await check("Group:org#members@User:ann", 3)).toBe("member");
  });

  it("lists what check grants on a namespace-only model", async () => {
    const { objects, subjects } = scenario("class User implements Namespace {}\nclass Group implements Namespace {}", groupTuples);
    expect(await objects("Group#members@User:ann")).toEqual(["api", "eng", "org"]);
    expect(await subjects("Group:eng#members")).toEqual(expect.arrayContaining(["User:lead", "User:ann", "ann", "User:bo", "Group:api#members", "Group:web#members"]));
  });
});

describe("a subject set is a member of itself", () => {
  const ring = ["Folder:a#parent@Folder:b#parent", "Folder:b#parent@Folder:c#parent", "Folder:c#parent@Folder:a#parent"];

  it("around a ring of subject sets, every member reaches every other and itself", async () => {
    const { check } = scenario("class Folder implements Namespace {}", ring);
    for (const from of ["a", "b", "c"]) {
      for (const to of ["a", "b", "c"]) expect(await check(`Folder:${from}#parent@Folder:${to}#parent`), `${from} → ${to}`).toBe("member");
    }
  });

  it("without any tuple, and for permissions too — but not for another object or relation", async () => {
    const { check } = scenario(`class User implements Namespace {}
class Doc implements Namespace {
  related: { viewers: User[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) }
}
class Folder implements Namespace {}`, []);
    expect(await check("Folder:x#parent@Folder:x#parent")).toBe("member");
    expect(await check("Doc:d#view@Doc:d#view")).toBe("member");
    expect(await check("Doc:d#viewers@Doc:d#viewers")).toBe("member");
    expect(await check("Folder:x#parent@Folder:y#parent")).toBe("not_member");
    expect(await check("Doc:d#view@Doc:d#viewers")).toBe("member"); // view ⊇ viewers
    expect(await check("Doc:d#viewers@Doc:d#view")).toBe("not_member");
  });

  it("terminates on a ring without leaves at the platform's largest depth", async () => {
    const { check } = scenario("class Folder implements Namespace {}", ring);
    expect(await check("Folder:a#parent@nobody", 32)).not.toBe("member");
    expect(await check("Folder:a#parent@Folder:z#parent", 32)).not.toBe("member");
  });

  it("is listed by list-objects and list-subjects, as check answers", async () => {
    const { objects, subjects } = scenario("class Folder implements Namespace {}", ring);
    expect(await objects("Folder#parent@Folder:a#parent")).toEqual(["a", "b", "c"]);
    expect(await subjects("Folder:a#parent")).toEqual(["Folder:a#parent", "Folder:b#parent", "Folder:c#parent"]);
  });
});

describe("strict mode (namespaces.experimental_strict_mode)", () => {
  const files = `class User implements Namespace {}
class File implements Namespace {
  related: { editors: User[], viewers: User[] }
  permits = {
    canEdit: (ctx: Context): boolean => this.related.editors.includes(ctx.subject),
    canView: (ctx: Context): boolean => this.permits.canEdit(ctx) || this.related.viewers.includes(ctx.subject),
  }
}`;
  // A client that wrote tuples under permissions' names (Keto's non-strict mode accepts them).
  const tuples = ["File:plan#editors@User:ann", "File:plan#viewers@User:bo", "File:plan#canEdit@User:eve", "File:plan#canEdit@eve"];

  it("ignores tuples stored under a permission's name; the rewrite alone decides", async () => {
    const { check } = scenario(files, tuples, { strict: true });
    for (const member of ["File:plan#canEdit@User:ann", "File:plan#canView@User:ann", "File:plan#canView@User:bo", "File:plan#viewers@User:bo"]) {
      expect(await check(member), member).toBe("member");
    }
    for (const ignored of ["File:plan#canEdit@User:eve", "File:plan#canEdit@eve", "File:plan#canView@User:eve"]) {
      expect(await check(ignored), ignored).toBe("not_member");
    }
  });

  it("in non-strict mode reads them next to the rewrite, as Keto does", async () => {
    const { check, objects, subjects } = scenario(files, tuples);
    expect(await check("File:plan#canEdit@User:eve")).toBe("member");
    expect(await check("File:plan#canView@User:eve")).toBe("member");
    expect(await check("File:plan#canView@eve")).toBe("member");
    expect(await objects("File#canView@User:eve")).toEqual(["plan"]);
    expect(await subjects("File:plan#canView")).toEqual(["eve", "User:ann", "User:bo", "User:eve"]);
  });

  it("admits subject ids where a plain namespace type is declared", async () => {
    const { check } = scenario(`class User implements Namespace {}
class Project implements Namespace {
  related: { owner: User[] }
  permits = { read: (ctx: Context): boolean => this.related.owner.includes(ctx.subject) }
}`, ["Project:p#owner@User:1", "Project:p#owner@owner1", "Project:p#read@reader"], { strict: true });
    expect(await check("Project:p#read@User:1")).toBe("member");
    expect(await check("Project:p#read@owner1")).toBe("member");
    expect(await check("Project:p#read@reader")).toBe("not_member");
  });

  it("reads nothing under relations the OPL does not declare", async () => {
    const tags = ["Tag:t#parent@Tag:u#parent", "Tag:u#parent@ann"];
    expect(await scenario("class Tag implements Namespace {}", tags, { strict: true }).check("Tag:t#parent@ann")).toBe("not_member");
    expect(await scenario("class Tag implements Namespace {}", tags).check("Tag:t#parent@ann")).toBe("member");
  });
});

describe("depth through rewrites and traversals", () => {
  const docs = `class User implements Namespace {}
class Doc implements Namespace {
  related: { owners: User[], parents: Doc[] }
  permits = {
    edit: (ctx: Context): boolean => this.related.owners.includes(ctx.subject),
    view: (ctx: Context): boolean => this.permits.edit(ctx) || this.related.parents.traverse((p) => p.permits.view(ctx)),
  }
}`;

  it("follows a folder hierarchy three parents up and through two rewrites at the default depth (Keto's userset-rewrite suite)", async () => {
    const { check, objects } = scenario(docs, ["Doc:file#parents@Doc:c", "Doc:c#parents@Doc:b", "Doc:b#parents@Doc:a", "Doc:a#owners@User:u"]);
    expect(await check("Doc:file#view@User:u")).toBe("member");
    expect(await check("Doc:file#edit@User:u")).toBe("not_member");
    expect(await objects("Doc#view@User:u")).toEqual(["a", "b", "c", "file"]);
  });

  it("traverses a chain four levels deep to a relation at max-depth 5, not at 4", async () => {
    const { check } = scenario(`class User implements Namespace {}
class Folder implements Namespace {
  related: { viewers: User[], parents: Folder[] }
  permits = { view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) || this.related.parents.traverse((p) => p.permits.view(ctx)) }
}
class Doc implements Namespace {
  related: { folder: Folder[] }
  permits = { view: (ctx: Context): boolean => this.related.folder.traverse((f) => f.permits.view(ctx)) }
}`, ["Doc:e#folder@Folder:f1", "Folder:f1#parents@Folder:f2", "Folder:f2#parents@Folder:f3", "Folder:f3#parents@Folder:f4", "Folder:f4#viewers@User:bob"]);
    expect(await check("Doc:e#view@User:bob")).toBe("member");
    expect(await check("Doc:e#view@User:bob", 4)).toBe("unknown");
  });
});
