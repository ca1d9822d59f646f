import { describe, expect, it } from "vitest";
import { compileAllowList, ipAllowed } from "./ip-restriction";

describe("ip restriction", () => {
  it("allows everything without ranges and only listed ranges otherwise", () => {
    expect(ipAllowed(compileAllowList([]), "203.0.113.9")).toBe(true);
    const list = compileAllowList(["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"]);
    expect(ipAllowed(list, "10.1.2.3")).toBe(true);
    expect(ipAllowed(list, "::ffff:10.1.2.3")).toBe(true);
    expect(ipAllowed(list, "2001:db8::1")).toBe(true);
    expect(ipAllowed(list, "192.0.2.7")).toBe(true);
    expect(ipAllowed(list, "192.0.2.8")).toBe(false);
    expect(ipAllowed(list, "garbage")).toBe(false);
  });
});
