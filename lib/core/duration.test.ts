import { describe, expect, it } from "vitest";
import { configDurationMs, isGoDuration, parseGoDuration, parseGoDurationNs } from "./duration";

// The cases of Go's own time.ParseDuration tests (src/time/time_test.go, parseDurationTests / parseDurationErrorTests).
const valid: Array<[string, bigint]> = [
  ["0", 0n], ["5s", 5_000_000_000n], ["30s", 30_000_000_000n], ["1478s", 1_478_000_000_000n],
  ["-5s", -5_000_000_000n], ["+5s", 5_000_000_000n], ["-0", 0n], ["+0", 0n],
  ["5.0s", 5_000_000_000n], ["5.6s", 5_600_000_000n], ["5.s", 5_000_000_000n], [".5s", 500_000_000n],
  ["1.0s", 1_000_000_000n], ["1.00s", 1_000_000_000n], ["1.004s", 1_004_000_000n], ["1.0040s", 1_004_000_000n],
  ["100.00100s", 100_001_000_000n],
  ["10ns", 10n], ["11us", 11_000n], ["12µs", 12_000n], ["12μs", 12_000n], ["13ms", 13_000_000n], ["14s", 14_000_000_000n],
  ["15m", 900_000_000_000n], ["16h", 57_600_000_000_000n],
  ["3h30m", 12_600_000_000_000n], ["10.5s4m", 250_500_000_000n], ["-2m3.4s", -123_400_000_000n],
  ["1h2m3s4ms5us6ns", 3_723_004_005_006n], ["39h9m14.425s", 140_954_425_000_000n],
  ["52763797000ns", 52_763_797_000n], ["0.3333333333333333333h", 1_200_000_000_000n],
  ["9007199254740993ns", 9_007_199_254_740_993n], ["9223372036854775807ns", 9_223_372_036_854_775_807n],
  ["9223372036854775.807us", 9_223_372_036_854_775_807n], ["9223372036s854ms775us807ns", 9_223_372_036_854_775_807n],
  ["-9223372036854775808ns", -9_223_372_036_854_775_808n], ["-9223372036854775.808us", -9_223_372_036_854_775_808n],
  ["0.100000000000000000000h", 360_000_000_000n], ["0.830103483285477580700h", 2_988_372_539_827n],
];
const invalid = ["", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\x85\x85", "\xffff", "hello \xffff world",
  "9223372036854775810ns", "9223372036854775808ns", "-9223372036854775809ns", "9223372036854776us", "3000000h", "9223372036854775.808us",
  "9223372036854ms775us808ns"];

describe("Go durations (time.ParseDuration)", () => {
  it.each(valid)("parses %s", (text, ns) => expect(parseGoDurationNs(text)).toBe(ns));
  it.each(invalid)("refuses %j", (text) => expect(parseGoDurationNs(text)).toBeUndefined());

  it("returns milliseconds, and nothing for non-strings", () => {
    expect(parseGoDuration("1h30m")).toBe(5_400_000);
    expect(parseGoDuration("250us")).toBe(0.25);
    expect(parseGoDuration(90)).toBeUndefined();
    expect(isGoDuration("720h")).toBe(true);
    expect(isGoDuration("90")).toBe(false);
  });

  it("reads stored configs compatibly: bare numbers are seconds, invalid or negative values fall back", () => {
    expect(configDurationMs("24h", "1h")).toBe(86_400_000);
    expect(configDurationMs(90, "1h")).toBe(90_000);
    expect(configDurationMs("90", "1h")).toBe(90_000);
    expect(configDurationMs("soon", "15m")).toBe(900_000);
    expect(configDurationMs("-1h", "15m")).toBe(900_000);
    expect(configDurationMs(undefined, "1h")).toBe(3_600_000);
  });
});
