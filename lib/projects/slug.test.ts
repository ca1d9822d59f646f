import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, slugCandidate, slugSchema, slugStem } from "./slug";

describe("project slugs", () => {
  it("derives readable stems from names", () => {
    expect(slugStem("My App")).toBe("my-app");
    expect(slugStem("  Über Café!! 2024 ")).toBe("uber-cafe-2024");
    expect(slugStem("日本")).toBe("project");
    expect(slugStem("api")).toBe("project-api");
  });

  it("always produces a valid, non-reserved slug", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (name) => {
      const slug = slugCandidate(name);
      expect(slug).toMatch(SLUG_PATTERN);
      expect(slugSchema.safeParse(slug).success).toBe(true);
    }));
  });

  it("validates given slugs", () => {
    for (const bad of ["ab", "-abc", "abc-", "ABC", "a_b_c", "a".repeat(64), "console", "api"]) expect(slugSchema.safeParse(bad).success, bad).toBe(false);
    for (const good of ["abc", "my-app-1a2b3c", "a".repeat(63)]) expect(slugSchema.safeParse(good).success, good).toBe(true);
  });
});
