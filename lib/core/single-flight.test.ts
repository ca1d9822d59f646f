import { describe, expect, it } from "vitest";
import { SingleFlight } from "./single-flight";

describe("SingleFlight", () => {
  it("shares one load between concurrent callers and forgets it when settled", async () => {
    const flights = new SingleFlight<string, number>();
    let loads = 0;
    const load = async () => (++loads, await new Promise((r) => setTimeout(r, 5)), loads);
    const results = await Promise.all([flights.run("k", load), flights.run("k", load), flights.run("k", load)]);
    expect(results).toEqual([1, 1, 1]);
    expect(await flights.run("k", load)).toBe(2);
  });

  it("refresh runs in the background, once, and swallows failures", async () => {
    const flights = new SingleFlight<string, number>();
    let loads = 0;
    const failing = async () => { loads++; await new Promise((r) => setTimeout(r, 5)); throw new Error("down"); };
    flights.refresh("k", failing);
    flights.refresh("k", failing);
    await new Promise((r) => setTimeout(r, 20));
    expect(loads).toBe(1);
  });
});
