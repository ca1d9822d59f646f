import { describe, expect, it } from "vitest";
import { contrastRatio, mix, normalizeHex, parseHex, readableOn, relativeLuminance } from "./color";

describe("colour arithmetic", () => {
  it("parses short and long hex, rejects the rest", () => {
    expect(parseHex("#fff")).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseHex("#1F6FEB")).toEqual({ r: 0x1f, g: 0x6f, b: 0xeb });
    for (const bad of ["fff", "#ffff", "#gggggg", "red", "#12345", "", "#1234567"]) expect(parseHex(bad)).toBeUndefined();
    expect(normalizeHex("#ABC")).toBe("#aabbcc");
  });

  it("computes WCAG luminance and contrast", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 5);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // Reference values from the WebAIM contrast checker.
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    // Symmetric.
    expect(contrastRatio("#2853e0", "#ffffff")).toBe(contrastRatio("#ffffff", "#2853e0"));
  });

  it("mixes and picks readable text", () => {
    expect(mix("#000000", "#ffffff", 0.5)).toBe("#808080");
    expect(mix("#123456", "#abcdef", 0)).toBe("#123456");
    expect(readableOn("#ffff00")).toBe("#0f172a");
    expect(readableOn("#1e3a8a")).toBe("#ffffff");
  });
});
