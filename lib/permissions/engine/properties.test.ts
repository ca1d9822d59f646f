import fc from "fast-check";
import { describe, it } from "vitest";
import { MemoryTupleStore } from "../store/memory";
import { assertListsAgreeWithCheck } from "../testing/properties";
import { randomModel, randomTuples } from "../testing/random-model";

describe("property: list-objects and list-subjects agree with check", () => {
  it("on random models and tuples (in-memory store)", async () => {
    await fc.assert(
      fc.asyncProperty(randomModel, randomTuples, fc.integer({ min: 1, max: 5 }), async (model, tuples, depth) => {
        await assertListsAgreeWithCheck(model, new MemoryTupleStore(tuples), depth);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
