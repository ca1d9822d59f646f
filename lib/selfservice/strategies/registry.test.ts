import { describe, expect, it } from "vitest";
import type { ProjectRecord } from "@/lib/projects/lookup";
import { servesAal } from "../flows/login/strategy";
import { methodEnabled, projectStrategies } from "./index";

const project = (methods: Record<string, unknown>) => ({ config: { services: { identity: { config: { selfservice: { methods } } } } } }) as unknown as ProjectRecord;
const ids = (list: readonly { id: string }[]) => list.map((strategy) => strategy.id);

describe("strategy registry", () => {
  it("enables Kratos' default methods when the config does not say, and honours enabled: false", () => {
    expect(methodEnabled({}, "password")).toBe(true);
    expect(methodEnabled({}, "totp")).toBe(false);
    const lists = projectStrategies({ project: project({ password: { enabled: false } }) });
    expect(ids(lists.login)).toEqual([]);
    expect(ids(lists.settings)).toEqual(["profile"]);
    expect(ids(lists.recovery)).toEqual(["code"]);
    expect(ids(projectStrategies({ project: project({}) }).settings)).toEqual(["profile", "password"]);
  });

  it("serves first factors at aal1 and second factors at aal2", () => {
    expect(servesAal({ factor: "first" }, "aal1")).toBe(true);
    expect(servesAal({ factor: "first" }, "aal2")).toBe(false);
    expect(servesAal({ factor: "second" }, "aal2")).toBe(true);
    expect(servesAal({ factor: "both" }, "aal1")).toBe(true);
  });
});
