import { describe, expect, it } from "vitest";
import { canonicalResponseType, defaultResponseMode, returnsTokens } from "./response-types";

describe("response types (OAuth 2.0 Multiple Response Type Encoding Practices)", () => {
  it("treats the values as a set in one spelling", () => {
    expect(canonicalResponseType("token id_token")).toBe("id_token token");
    expect(canonicalResponseType("id_token token code")).toBe("code id_token token");
    expect(canonicalResponseType("code  code")).toBe("code");
    expect(canonicalResponseType("code banana")).toBe("code banana");
  });

  it("defaults to fragment for every response type that returns a token", () => {
    expect(defaultResponseMode("code")).toBe("query");
    expect(defaultResponseMode("code id_token")).toBe("fragment");
    expect(defaultResponseMode("token")).toBe("fragment");
    expect(defaultResponseMode(null)).toBe("query");
    expect(returnsTokens("code")).toBe(false);
  });
});
