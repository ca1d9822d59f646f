import fc from "fast-check";
import { describe, it } from "vitest";
import { MemoryTupleStore } from "../store/memory";
import { assertIgnoredTuplesChangeNothing, assertListsAgreeWithCheck } from "../testing/properties";
import { randomModel, randomTuples } from "../testing/random-model";

const depth = fc.integer({ min: 1, max: 5 });

describe("properties on random models (typed relations, namespace-only namespaces, strict and non-strict mode)", () => {
  it("list-objects and list-subjects agree with check (in-memory store)", async () => {
    await fc.assert(
      fc.asyncProperty(randomModel, randomTuples, depth, async (model, tuples, maxDepth) => {
        await assertListsAgreeWithCheck(model, new MemoryTupleStore(tuples), maxDepth);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("tuples that strict mode or the declared subject types rule out change no answer", async () => {
    await fc.assert(
      fc.asyncProperty(randomModel, randomTuples, depth, async (model, tuples, maxDepth) => {
        await assertIgnoredTuplesChangeNothing(model, tuples, maxDepth);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
