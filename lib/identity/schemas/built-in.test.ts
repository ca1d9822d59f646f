import { describe, expect, it } from "vitest";
import { BUILT_IN_SCHEMA_IDS } from "@/lib/projects";
import { PRESET_SCHEMAS } from "./presets";

describe("built-in identity schemas", () => {
  it("are the ones project configuration validation accepts as preset:// URLs", () => {
    expect([...BUILT_IN_SCHEMA_IDS].sort()).toEqual(Object.keys(PRESET_SCHEMAS).sort());
  });
});
