import { describe, expect, it } from "vitest";
import { parseTtl } from "./ttl";

describe("parseTtl", () => {
  it("reads protobuf, Go and extended durations", () => {
    expect(parseTtl("3600s")).toBe(3_600_000);
    expect(parseTtl("1h30m")).toBe(5_400_000);
    expect(parseTtl("2d")).toBe(172_800_000);
    expect(parseTtl("1mo")).toBe(2_592_000_000);
    expect(parseTtl(undefined)).toBeUndefined();
    expect(parseTtl("0s")).toBeUndefined();
  });
  it("refuses out-of-range and malformed values", () => {
    expect(() => parseTtl("500ms")).toThrow();
    expect(() => parseTtl("11y")).toThrow();
    expect(() => parseTtl("soon")).toThrow();
  });
});
