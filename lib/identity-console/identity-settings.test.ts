import jsonpatch from "fast-json-patch";
import { describe, expect, it } from "vitest";
import { pointer, setOperation } from "./config-patch";
import { durationSeconds, identitySettingsPatch, identitySettingsSchema, readIdentitySettings } from "./identity-settings";

const config = {
  services: {
    identity: {
      config: {
        selfservice: { methods: { password: { config: { min_password_length: 10, identifier_similarity_check_enabled: true } } } },
        session: { lifespan: "24h" },
      },
    },
  },
};

describe("identity settings", () => {
  it("reads values with Kratos' defaults", () => {
    expect(readIdentitySettings(config)).toEqual({
      minPasswordLength: 10,
      identifierSimilarityCheck: true,
      haveIBeenPwned: false,
      maxBreaches: 0,
      sessionLifespan: "24h",
      earliestPossibleExtend: "24h",
      privilegedSessionMaxAge: "15m",
    });
  });

  it("validates durations and lengths", () => {
    const base = readIdentitySettings(config);
    expect(identitySettingsSchema.safeParse({ ...base, sessionLifespan: "1h30m" }).success).toBe(true);
    for (const bad of ["", "72", "1d", "30s", "9000h", "1h;x"]) {
      expect(identitySettingsSchema.safeParse({ ...base, sessionLifespan: bad }).success, bad).toBe(false);
    }
    expect(identitySettingsSchema.safeParse({ ...base, minPasswordLength: 5 }).success).toBe(false);
    expect(durationSeconds("1h30m15s")).toBe(5415);
  });

  it("patches only changed settings and creates missing parents", () => {
    const input = { ...readIdentitySettings(config), minPasswordLength: 12, privilegedSessionMaxAge: "5m", earliestPossibleExtend: "1h" };
    const patch = identitySettingsPatch(config, input);
    const patched = jsonpatch.applyPatch(structuredClone(config), patch, true, false).newDocument;
    expect(readIdentitySettings(patched)).toEqual(input);
    expect(patch.map((op) => op.path)).toContain("/services/identity/config/selfservice/methods/password/config/min_password_length");
    expect(patch.find((op) => op.path.endsWith("/selfservice/flows"))?.value).toEqual({ settings: { privileged_session_max_age: "5m" } });
  });
});

describe("setOperation", () => {
  it("escapes pointers and adds whole subtrees when parents are missing", () => {
    expect(pointer(["a/b", "c~d"])).toBe("/a~1b/c~0d");
    expect(setOperation({ a: {} }, ["a", "b", "c"], 1)).toEqual({ op: "add", path: "/a/b", value: { c: 1 } });
    expect(setOperation({ a: { b: { c: 0 } } }, ["a", "b", "c"], 1)).toEqual({ op: "add", path: "/a/b/c", value: 1 });
  });
});
