import { describe, expect, it } from "vitest";
import { compileUrlPattern } from "./compile-url";
import { splitPattern } from "./delimiters";
import { globToRegExp } from "./glob";
import { compileHost } from "./host";
import { normalizePath } from "./normalize";

describe("regexp strategy", () => {
  it("matches Oathkeeper patterns and returns capture groups", () => {
    const m = compileUrlPattern("https://example.com/docs/<[a-z0-9-]+>/<v[0-9]+>", "regexp");
    expect(m.match("https://example.com/docs/doc-1/v2")).toEqual(["doc-1", "v2"]);
    expect(m.match("https://example.com/docs/doc-1/v2/extra")).toBeUndefined();
    expect(m.match("https://example.com/docsX")).toBeUndefined();
    expect(m.prefix).toBe("https://example.com/docs/");
    expect(compileUrlPattern("<https|http>://example.com/<.*>", "regexp").match("http://example.com/a/b")).toEqual(["http", "a/b"]);
  });

  it("treats everything outside <> literally", () => {
    const m = compileUrlPattern("https://example.com/a.b?c", "regexp");
    expect(m.match("https://example.com/a.b?c")).toEqual([]);
    expect(m.match("https://example.comXaXb")).toBeUndefined();
  });

  it("rejects invalid or unsafe expressions", () => {
    expect(() => compileUrlPattern("https://x/<(>", "regexp")).toThrow(/invalid regular expression/);
    expect(() => compileUrlPattern("https://x/<a", "regexp")).toThrow(/unbalanced/);
    expect(() => compileUrlPattern("https://x/a>", "regexp")).toThrow(/unbalanced/);
    expect(() => compileUrlPattern("https://x/<(a)\\1>", "regexp")).toThrow(/invalid/);
    expect(() => compileUrlPattern("https://x/<(?=a)>", "regexp")).toThrow(/invalid/);
  });

  it("runs in linear time on catastrophic patterns", () => {
    const m = compileUrlPattern("https://x/<(a+)+b>", "regexp");
    const started = performance.now();
    expect(m.match(`https://x/${"a".repeat(5000)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("glob strategy", () => {
  it("follows gobwas/glob with . and / separators", () => {
    expect(globToRegExp("*")).toBe("[^./]*");
    const m = compileUrlPattern("https://<*>.example.com/api/<**>", "glob");
    expect(m.match("https://app.example.com/api/a/b.json")).toEqual([]);
    expect(m.match("https://a.b.example.com/api/x")).toBeUndefined();
    const single = compileUrlPattern("https://example.com/<*>", "glob");
    expect(single.match("https://example.com/a")).toEqual([]);
    expect(single.match("https://example.com/a/b")).toBeUndefined();
    const alt = compileUrlPattern("https://example.com/<{users,groups}>/<?>", "glob");
    expect(alt.match("https://example.com/groups/1")).toEqual([]);
    expect(alt.match("https://example.com/teams/1")).toBeUndefined();
    expect(compileUrlPattern("https://e.com/<[!a]>", "glob").match("https://e.com/b")).toEqual([]);
    expect(() => compileUrlPattern("https://e.com/<[abc>", "glob")).toThrow(/unclosed/);
    expect(() => compileUrlPattern("https://e.com/<{a,b>", "glob")).toThrow(/unclosed/);
  });
});

describe("helpers", () => {
  it("splits nested delimiters", () => {
    expect(splitPattern("a<b<c>>d")).toEqual([{ literal: true, text: "a" }, { literal: false, text: "b<c>" }, { literal: true, text: "d" }]);
  });
  it("matches hosts exactly or by wildcard", () => {
    expect(compileHost("App.example.com")("app.EXAMPLE.com:8443")).toBe(true);
    expect(compileHost("app.example.com:8443")("app.example.com:80")).toBe(false);
    expect(compileHost("*.example.com")("a.b.example.com")).toBe(true);
    expect(compileHost("*.example.com")("example.com")).toBe(false);
    expect(compileHost("*.example.com")("evil-example.com")).toBe(false);
  });
  it("normalises paths before matching", () => {
    expect(normalizePath("/public/%2e%2e/admin")).toBe("/admin");
    expect(normalizePath("/public/../../admin")).toBe("/admin");
    expect(normalizePath("/a/./b/")).toBe("/a/b/");
    expect(normalizePath("/a//b")).toBe("/a/b");
    expect(normalizePath("/a%2Fb/%7Euser")).toBe("/a%2Fb/~user");
    expect(normalizePath("/a/b/..")).toBe("/a/");
  });
});
