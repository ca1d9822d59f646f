import { describe, expect, it } from "vitest";
import { traitFields, traitsFromForm, traitValue } from "./traits-form";

const schema = {
  $id: "https://example.com/person.schema.json",
  type: "object",
  definitions: { tos: { type: "boolean", title: "Accepted terms" } },
  properties: {
    traits: {
      type: "object",
      required: ["email"],
      properties: {
        email: { type: "string", format: "email", title: "E-Mail", maxLength: 320, "ory.sh/kratos": { credentials: { password: { identifier: true } } } },
        name: { type: "object", required: ["first"], properties: { first: { type: "string", title: "First name" }, last: { type: "string" } } },
        age: { type: "integer", minimum: 0 },
        plan: { type: "string", enum: ["free", "pro"] },
        tos: { $ref: "#/definitions/tos" },
        tags: { type: "array", items: { type: "string" } },
      },
    },
  },
};

describe("traitFields", () => {
  it("flattens nested traits, maps types and follows local $refs", () => {
    const fields = traitFields(schema);
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ["traits.email", "email", true],
      ["traits.name.first", "text", false],
      ["traits.name.last", "text", false],
      ["traits.age", "integer", false],
      ["traits.plan", "select", false],
      ["traits.tos", "checkbox", false],
    ]);
    expect(fields[0]).toMatchObject({ label: "E-Mail", maxLength: 320 });
    expect(fields[2].label).toBe("name.last");
    expect(fields[4].options).toEqual(["free", "pro"]);
  });

  it("copes with schemas without traits", () => {
    expect(traitFields({})).toEqual([]);
    expect(traitFields({ properties: { traits: { $ref: "#/nowhere" } } })).toEqual([]);
  });
});

describe("traitsFromForm", () => {
  const fields = traitFields(schema);

  it("builds nested traits, parses numbers and checkboxes, drops empty fields", () => {
    const form = new Map([
      ["traits.email", " ada@example.com "],
      ["traits.name.first", "Ada"],
      ["traits.name.last", ""],
      ["traits.age", "36"],
      ["traits.tos", "true"],
    ]);
    expect(traitsFromForm(fields, (name) => form.get(name) ?? null)).toEqual({ email: "ada@example.com", name: { first: "Ada" }, age: 36, tos: true });
  });

  it("keeps traits the form does not edit and removes cleared ones", () => {
    const existing = { email: "old@example.com", tags: ["a"], name: { first: "Old", last: "Name" } };
    const form = new Map([["traits.email", "new@example.com"], ["traits.name.first", ""], ["traits.name.last", ""]]);
    const result = traitsFromForm(fields, (name) => form.get(name) ?? null, existing);
    expect(result).toEqual({ email: "new@example.com", tags: ["a"], tos: false });
    expect(existing.name.first).toBe("Old");
  });

  it("reads values by path", () => {
    expect(traitValue({ name: { first: "Ada" } }, ["name", "first"])).toBe("Ada");
    expect(traitValue({}, ["name", "first"])).toBeUndefined();
  });
});
