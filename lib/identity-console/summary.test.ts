import { describe, expect, it } from "vitest";
import { nameOf, summarizeIdentity } from "./summary";

const base = { id: "0f8e4c1e-0000-4000-8000-000000000001", state: "active" as const, schemaId: "preset://email", createdAt: new Date(0) };
const address = (verified: boolean) => ({ value: "ada@example.com", verified }) as never;

describe("identity summaries", () => {
  it("labels by email, username or id and joins names", () => {
    expect(summarizeIdentity({ ...base, traits: { email: "ada@example.com", name: { first: "Ada", last: "Lovelace" } }, verifiableAddresses: [address(true)] })).toMatchObject({
      label: "ada@example.com",
      name: "Ada Lovelace",
      verified: true,
    });
    expect(summarizeIdentity({ ...base, traits: { username: "ada" }, verifiableAddresses: [] })).toMatchObject({ label: "ada", verified: undefined });
    expect(summarizeIdentity({ ...base, traits: null as never, verifiableAddresses: [address(false)] })).toMatchObject({ label: "ada@example.com", verified: false });
    expect(summarizeIdentity({ ...base, traits: {}, verifiableAddresses: [] }).label).toBe(base.id);
  });

  it("reads the common name shapes", () => {
    expect(nameOf({ name: "Grace" })).toBe("Grace");
    expect(nameOf({ first_name: "Grace", last_name: "Hopper" })).toBe("Grace Hopper");
    expect(nameOf({ name: { first: " " } })).toBeUndefined();
  });
});
