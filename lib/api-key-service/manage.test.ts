import { describe, expect, it } from "vitest";
import { filterWhere } from "./manage";
import { keyStatus } from "./view";

const now = new Date("2026-12-08T00:00:00Z");
const past = new Date("2026-12-07T00:00:00Z");
const future = new Date("2026-12-09T00:00:00Z");

describe("key status and filters", () => {
  it("computes status at read time; a scheduled revocation (rotation overlap) is still active", () => {
    expect(keyStatus({ revokedAt: null, expiresAt: null }, now)).toBe("KEY_STATUS_ACTIVE");
    expect(keyStatus({ revokedAt: future, expiresAt: null }, now)).toBe("KEY_STATUS_ACTIVE");
    expect(keyStatus({ revokedAt: past, expiresAt: past }, now)).toBe("KEY_STATUS_REVOKED");
    expect(keyStatus({ revokedAt: null, expiresAt: past }, now)).toBe("KEY_STATUS_EXPIRED");
  });

  it("reads the supported AIP-160 subset and refuses the rest", () => {
    expect(filterWhere(undefined, now)).toEqual({});
    expect(filterWhere('actor_id = "svc" AND name = "x"', now)).toEqual({ AND: [{ actorId: "svc" }, { name: "x" }] });
    expect(filterWhere("status = KEY_STATUS_REVOKED", now)).toEqual({ AND: [{ revokedAt: { lte: now } }] });
    expect(() => filterWhere('scopes : "x"', now)).toThrow(/Unsupported filter/);
    expect(() => filterWhere("status = ALIVE", now)).toThrow(/Unknown status/);
  });
});
