import { describe, expect, it } from "vitest";
import { findJsonDefect, isStorableText, sanitizeJson, sanitizeText } from "./storable-text";

describe("text PostgreSQL can store", () => {
  it("refuses NUL and unpaired surrogates, accepts pairs and everything else", () => {
    for (const bad of ["\u0000", "a\u0000", "\ud800", "x\udbffy", "\udc00", "\ude00\ud83d", "\ud83d\ud83d"]) expect(isStorableText(bad)).toBe(false);
    for (const good of ["", "plain", "\ud83d\ude00", "a\ud83d\ude00b\ud83d\ude00", "\u0001\u001f\u007f", "\ufffd", "é漢字"]) expect(isStorableText(good)).toBe(true);
  });

  it("sanitizes to U+FFFD, keeping well-formed pairs", () => {
    expect(sanitizeText("a\u0000b\ud800c\ud83d\ude00")).toBe("a\ufffdb\ufffdc\ud83d\ude00");
    expect(sanitizeJson({ ["k\u0000"]: ["\udc00"], n: 1 })).toEqual({ ["k\ufffd"]: ["\ufffd"], n: 1 });
    expect(sanitizeJson({ a: { b: { c: 1 } } }, 2)).toEqual({ a: { b: null } });
  });

  it("finds the first defect of a JSON value as a JSON Pointer, without recursion", () => {
    expect(findJsonDefect({ traits: { email: "a\u0000" } })).toEqual({ kind: "text", path: "/traits/email" });
    expect(findJsonDefect({ "a/b": [1, { ["k\ud800"]: 1 }] })).toEqual({ kind: "text", path: "/a~1b/1/k\ufffd" });
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findJsonDefect(deep)?.kind).toBe("depth");
    expect(findJsonDefect(JSON.parse("[".repeat(64) + "]".repeat(64)))).toBeUndefined();
    expect(findJsonDefect(JSON.parse("[".repeat(65) + "]".repeat(65)))?.kind).toBe("depth");
    expect(findJsonDefect({ a: "\u0000" }, { checkText: false })).toBeUndefined();
  });
});
