import { describe, expect, it } from "vitest";
import { steadyTicker } from "./steady-ticker";

describe("steady ticker", () => {
  it("calls every index once, in order, never before it is due", async () => {
    const periodNs = 2_000_000;
    const startNs = process.hrtime.bigint() + 20_000_000n;
    const seen: { index: number; at: bigint }[] = [];
    await steadyTicker(startNs, periodNs, 25, (index) => seen.push({ index, at: process.hrtime.bigint() }));
    expect(seen.map((s) => s.index)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    for (const { index, at } of seen) expect(at >= startNs + BigInt(index * periodNs)).toBe(true);
  });
});
