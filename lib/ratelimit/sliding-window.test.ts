import { describe, expect, it } from "vitest";
import { decide, windowStartOf } from "./sliding-window";

const rule = { limit: 10, windowSeconds: 60 };

describe("sliding window", () => {
  it("aligns windows", () => {
    expect(windowStartOf(new Date(125_500), 60).getTime()).toBe(120_000);
  });
  it("allows up to the limit within a window", () => {
    expect(decide(rule, new Date(0), 10, 0).allowed).toBe(true);
    expect(decide(rule, new Date(0), 11, 0).allowed).toBe(false);
  });
  it("weights the previous window by its remaining overlap", () => {
    // 30 s into the window: half of the previous 10 hits still count.
    expect(decide(rule, new Date(30_000), 5, 10).allowed).toBe(true);
    expect(decide(rule, new Date(30_000), 6, 10).allowed).toBe(false);
    expect(decide(rule, new Date(59_000), 9, 10).allowed).toBe(true);
  });
  it("tells when to retry", () => {
    const denied = decide(rule, new Date(45_000), 11, 0);
    expect(denied.retryAfterSeconds).toBe(15 + 60);
    expect(decide(rule, new Date(45_000), 8, 10).retryAfterSeconds).toBe(15);
  });
});
