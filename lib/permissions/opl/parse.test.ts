import { describe, expect, it } from "vitest";
import { filesOpl, githubOpl } from "../testing/models";
import { namespaceGraph } from "../namespace-graph";
import { parseOpl } from "./parse";

describe("OPL parser", () => {
  it("compiles Keto's examples into rewrites", () => {
    const { model, errors } = parseOpl(filesOpl);
    expect(errors).toEqual([]);
    expect(model.namespaces.get("File")!.permits.get("edit")).toEqual({ kind: "computed", relation: "owners" });
    expect(model.namespaces.get("Folder")!.permits.get("view")).toEqual({
      kind: "union",
      children: [{ kind: "computed", relation: "viewers" }, { kind: "traverse", relation: "parents", computed: "view" }],
    });
    expect(model.namespaces.get("Folder")!.relations.get("viewers")!.types).toEqual([{ namespace: "User" }, { namespace: "Group", relation: "members" }]);
    expect(parseOpl(githubOpl).errors).toEqual([]);
  });

  it("parses &&, ! and parentheses, and block bodies", () => {
    const { model, errors } = parseOpl(`class U implements Namespace {}
class D implements Namespace {
  related: { a: U[]; b: Array<U> }
  permits = { p: (ctx: Context): boolean => { return (this.related.a.includes(ctx.subject) && !this.related.b.includes(ctx.subject)) } }
}`);
    expect(errors).toEqual([]);
    expect(model.namespaces.get("D")!.permits.get("p")).toEqual({
      kind: "intersection",
      children: [{ kind: "computed", relation: "a" }, { kind: "not", child: { kind: "computed", relation: "b" } }],
    });
  });

  it("accepts a namespaces-only document (Keto: every relation of such a namespace is open)", () => {
    const { model, errors } = parseOpl("class Folder implements Namespace {}\nclass User implements Namespace {}");
    expect(errors).toEqual([]);
    expect([...model.namespaces.keys()]).toEqual(["Folder", "User"]);
  });

  it("reports syntax errors with 1-based line and column", () => {
    const { errors } = parseOpl("class A implements Namespace {\n  related: {\n    x: A[\n  }\n}");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].start.Line).toBeGreaterThanOrEqual(3);
  });

  it("reports unknown names, bad traversals and unsupported expressions at their position", () => {
    const messages = (text: string) => parseOpl(text).errors.map((e) => `${e.start.Line}:${e.message}`);
    expect(messages("class A implements Namespace {\n  related: { r: B[] }\n}")).toEqual([expect.stringMatching(/^1:namespace B/)]);
    expect(messages("class A implements Namespace {\n  related: { r: A[] }\n  permits = { p: (ctx) => this.related.r.traverse((x) => x.permits.nope(ctx)) }\n}"))
      .toEqual([expect.stringMatching(/^3:.*declares no nope/)]);
    expect(messages("class A implements Namespace {\n  permits = { p: (ctx) => true }\n}")).toEqual([expect.stringMatching(/^2:unsupported expression/)]);
    expect(messages("const x = 1")).toEqual([expect.stringMatching(/^1:only `class/)]);
  });
});

describe("namespace graph", () => {
  it("draws relation and traverse edges between namespaces", () => {
    const graph = namespaceGraph(parseOpl(filesOpl).model);
    expect(graph.nodes.map((n) => n.id)).toEqual(["User", "Group", "Folder", "File"]);
    expect(graph.edges).toContainEqual({ from: "File", to: "Folder", label: "parents", kind: "relation" });
    expect(graph.edges).toContainEqual({ from: "File", to: "Folder", label: "view: parents → view", kind: "traverse" });
    expect(graph.edges).toContainEqual({ from: "Folder", to: "Group", label: "viewers#members", kind: "relation" });
  });
});
