import { describe, expect, it } from "vitest";
import { processGlobal } from "./process-global";

describe("processGlobal", () => {
  it("creates once per name and hands every caller (every module copy) the same value", () => {
    const first = processGlobal("test.shared", () => new Map<string, number>());
    const second = processGlobal("test.shared", () => new Map<string, number>());
    expect(second).toBe(first);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for("portcullis.test.shared")]).toBe(first);
    expect(processGlobal("test.other", () => new Map<string, number>())).not.toBe(first);
  });
});
