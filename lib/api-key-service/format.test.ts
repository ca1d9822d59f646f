import { describe, expect, it } from "vitest";
import { displayPrefix, generateSecret, isWellFormedSecret, PUBLIC_KEY_PREFIX, SECRET_KEY_PREFIX } from "./format";

describe("API key secret format", () => {
  it("has a prefix, a base62 body and a checksum that verifies", () => {
    const secret = generateSecret("KEY_VISIBILITY_SECRET");
    expect(secret).toMatch(/^pc_sk_[0-9A-Za-z]{46}$/);
    expect(isWellFormedSecret(secret)).toBe(true);
    expect(generateSecret("KEY_VISIBILITY_PUBLIC").startsWith(PUBLIC_KEY_PREFIX)).toBe(true);
    expect(displayPrefix(secret)).toBe(secret.slice(0, 10));
    expect(secret.startsWith(SECRET_KEY_PREFIX)).toBe(true);
  });

  it("refuses a changed character, a wrong length and a foreign prefix", () => {
    const secret = generateSecret("KEY_VISIBILITY_SECRET");
    const flipped = secret.slice(0, 12) + (secret[12] === "a" ? "b" : "a") + secret.slice(13);
    expect(isWellFormedSecret(flipped)).toBe(false);
    expect(isWellFormedSecret(secret.slice(0, -1))).toBe(false);
    expect(isWellFormedSecret("xx" + secret.slice(2))).toBe(false);
  });
});
