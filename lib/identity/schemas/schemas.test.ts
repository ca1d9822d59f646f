import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { extensionTraits, valuesAt } from "./extension";
import { defaultSchemaId, findIdentitySchema, identitySchemas } from "./registry";
import { validateTraits } from "./validate";

const usernameAndEmails = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://example.com/custom.json",
  type: "object",
  definitions: {
    email: { type: "string", format: "email", "ory.sh/kratos": { credentials: { password: { identifier: true } }, verification: { via: "email" }, recovery: { via: "email" } } },
  },
  properties: {
    traits: {
      type: "object",
      properties: {
        username: { type: "string", minLength: 3, "ory.sh/kratos": { credentials: { password: { identifier: true }, webauthn: { identifier: true } } } },
        emails: { type: "array", items: { $ref: "#/definitions/email" } },
        phone: { type: "string", "ory.sh/kratos": { credentials: { code: { identifier: true, via: "sms" } }, verification: { via: "sms" } } },
      },
      required: ["username"],
      additionalProperties: false,
    },
  },
};
const project = (schemas: unknown[], defaultId?: string) => ({
  config: { services: { identity: { config: { identity: { schemas, ...(defaultId ? { default_schema_id: defaultId } : {}) } } } } },
});
const custom = project([{ id: "custom", url: "base64://" + Buffer.from(JSON.stringify(usernameAndEmails)).toString("base64") }], "custom");

describe("identity schemas", () => {
  it("always offers preset://email; configured base64 schemas come first and can be the default", () => {
    expect(identitySchemas({ config: {} }).map((s) => s.id)).toEqual(["preset://email"]);
    expect(defaultSchemaId({ config: {} })).toBe("preset://email");
    expect(identitySchemas(custom).map((s) => s.id)).toEqual(["custom", "preset://email"]);
    expect(defaultSchemaId(custom)).toBe("custom");
    expect(findIdentitySchema(custom, Buffer.from("custom").toString("base64url"))?.id).toBe("custom");
  });

  it("skips schema URLs it cannot load without the network", () => {
    expect(identitySchemas(project([{ id: "remote", url: "https://example.com/s.json" }, { id: "broken", url: "base64://!!" }])).map((s) => s.id)).toEqual(["preset://email"]);
  });

  it("finds extension traits through $ref and array items", () => {
    const traits = extensionTraits(usernameAndEmails);
    expect(traits.map((t) => t.path.join("."))).toEqual(["username", "emails.*", "phone"]);
    expect(valuesAt({ emails: ["a@x.io", "b@x.io"] }, ["emails", "*"])).toEqual(["a@x.io", "b@x.io"]);
  });

  it("extracts identifiers and addresses per the ory.sh/kratos extension", () => {
    const result = validateTraits(custom, "", { username: "Alice", emails: ["A@X.io", "b@x.io"], phone: "+15550100" });
    expect(result.schemaId).toBe("custom");
    expect(result.identifiers.password).toEqual(["alice", "a@x.io", "b@x.io"]);
    expect(result.identifiers.webauthn).toEqual(["alice"]);
    expect(result.identifiers.code).toEqual(["+15550100"]);
    expect(result.codeAddresses).toEqual([{ via: "sms", value: "+15550100" }]);
    expect(result.verifiableAddresses).toEqual([{ via: "email", value: "a@x.io" }, { via: "email", value: "b@x.io" }, { via: "sms", value: "+15550100" }]);
    expect(result.recoveryAddresses).toEqual([{ via: "email", value: "a@x.io" }, { via: "email", value: "b@x.io" }]);
  });

  it("rejects invalid traits with every violation in the details", () => {
    try {
      validateTraits(custom, "custom", { username: "x", emails: ["nope"], extra: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const errors = (error as AppError).details?.errors as { instance_ptr: string }[];
      expect(errors.map((e) => e.instance_ptr).sort()).toEqual(["#/traits", "#/traits/emails/0", "#/traits/username"]);
    }
    expect(() => validateTraits(custom, "unknown-schema", { username: "abc" })).toThrow(/malformed/);
  });
});
