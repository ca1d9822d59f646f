import { describe, expect, it } from "vitest";
import { durationOr, parseDuration } from "./duration";

describe("Go durations (Ory configuration)", () => {
  it("parses single and compound units", () => {
    expect(parseDuration("24h")).toBe(86_400_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1.5s")).toBe(1_500);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("90")).toBe(90_000);
    expect(parseDuration(2)).toBe(2_000);
  });

  it("rejects garbage, and durationOr falls back", () => {
    expect(() => parseDuration("soon")).toThrow();
    expect(() => parseDuration("1d")).toThrow();
    expect(durationOr("nope", "15m")).toBe(900_000);
    expect(durationOr(undefined, "1h")).toBe(3_600_000);
  });
});
