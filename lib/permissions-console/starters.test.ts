import { describe, expect, it } from "vitest";
import { checkPermission } from "@/lib/permissions/engine/check";
import { parseOpl } from "@/lib/permissions/opl/parse";
import { MemoryTupleStore } from "@/lib/permissions/store/memory";
import { parseTupleString } from "@/lib/permissions/tuple-string";
import { STARTER_MODELS } from "./starters";

describe("starter models", () => {
  it("offers the three models of issue 18", () => {
    expect(STARTER_MODELS.map((s) => s.id)).toEqual(["documents", "organizations", "rbac"]);
  });

  for (const starter of STARTER_MODELS) {
    describe(starter.id, () => {
      const { model, errors } = parseOpl(starter.opl);
      const check = async (tuples: string[], question: string) => {
        const t = parseTupleString(question);
        return (await checkPermission(model, new MemoryTupleStore(tuples.map(parseTupleString)), t, t.subject, { maxDepth: 5 })).membership;
      };

      it("parses without errors into several namespaces", () => {
        expect(errors).toEqual([]);
        expect(parseOpl(starter.opl).model.namespaces.size).toBeGreaterThan(1);
      });

      it("answers its sample check with its sample relationships, and only with all of them", async () => {
        expect(await check(starter.sample, starter.check)).toBe("member");
        expect(await check(starter.sample.slice(1), starter.check)).toBe("not_member");
        expect(await check(starter.sample, starter.check.replace(/@alice$/, "@mallory"))).toBe("not_member");
      });
    });
  }

  it("documents: owners of a folder edit the documents in its subfolders", async () => {
    const { model } = parseOpl(STARTER_MODELS[0]!.opl);
    const store = new MemoryTupleStore(["Folder:root#owners@carol", "Folder:sub#parents@Folder:root", "Document:d#parents@Folder:sub"].map(parseTupleString));
    const t = parseTupleString("Document:d#edit@carol");
    expect((await checkPermission(model, store, t, t.subject, { maxDepth: 5 })).membership).toBe("member");
  });
});
