import { describe, expect, it } from "vitest";
import { checkReturnTo } from "./return-to";

const base = "https://auth.example.com/p/acme";

describe("return_to allow-list", () => {
  it("allows the project and listed URLs", () => {
    expect(checkReturnTo("/p/acme/ui/settings", base, [])).toBe("https://auth.example.com/p/acme/ui/settings");
    expect(checkReturnTo("https://app.example.com/dash?x=1", base, ["https://app.example.com"])).toBe("https://app.example.com/dash?x=1");
    expect(checkReturnTo("https://a.apps.example.com/x", base, ["https://*.apps.example.com"])).toBe("https://a.apps.example.com/x");
    expect(checkReturnTo("https://app.example.com/admin/x", base, ["https://app.example.com/admin"])).toBeDefined();
    expect(checkReturnTo(undefined, base, [])).toBeUndefined();
  });
  it("rejects open redirects", () => {
    for (const bad of ["https://evil.com", "//evil.com/x", "javascript:alert(1)", "https://auth.example.com/p/other", "https://app.example.com.evil.com/", "http://app.example.com/", "https://app.example.com/administrator"]) {
      expect(() => checkReturnTo(bad, base, ["https://app.example.com/admin"]), bad).toThrowError(expect.objectContaining({ id: "self_service_flow_return_to_forbidden" }));
    }
  });
});
