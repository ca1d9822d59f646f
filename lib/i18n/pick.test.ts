import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import { HOSTED_CLIENT_NAMESPACES, pickMessages } from "./pick";

describe("pickMessages", () => {
  it("keeps only the paths asked for", () => {
    expect(pickMessages({ a: { b: "1", c: "2" }, d: "3" }, ["a.b"])).toEqual({ a: { b: "1" } });
    expect(pickMessages({ a: { b: "1" } }, ["a", "missing.x"])).toEqual({ a: { b: "1" } });
  });

  it("ships the hosted client namespaces and not the console catalogue", () => {
    const picked = pickMessages(en, HOSTED_CLIENT_NAMESPACES);
    expect(Object.keys(picked)).toEqual(["hosted"]);
    expect(Object.keys(picked.hosted as object).sort()).toEqual(["password", "recoveryCodes"]);
    expect(JSON.stringify(picked).length).toBeLessThan(2_000);
  });
});
