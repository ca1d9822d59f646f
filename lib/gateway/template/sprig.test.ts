import { describe, expect, it } from "vitest";
import { compileTemplate, templateError } from "./index";

const data = {
  Subject: "user-1",
  Extra: {
    email: "Ada.Lovelace@Example.com",
    groups: ["dev", "admin", "dev", ""],
    identity: { traits: { name: "ada lovelace", tenant: "acme" }, metadata_public: { plan: "pro" } },
    count: 3,
    json: '{"a":[1,2]}',
  },
};
const render = (source: string) => compileTemplate(source).render(data);

// Common sprig functions Oathkeeper rule authors use (issue 19 §4): each must compile and render as sprig does.
describe("sprig template functions", () => {
  it("string functions", () => {
    expect(render('{{ .Extra.email | trimSuffix "@Example.com" | lower }}')).toBe("ada.lovelace");
    expect(render('{{ trimPrefix "user-" .Subject }}|{{ trimAll "-" "--a-b--" }}')).toBe("1|a-b");
    expect(render("{{ .Extra.identity.traits.name | title }}")).toBe("Ada Lovelace");
    expect(render('{{ repeat 3 "ab" }}|{{ substr 0 4 .Subject }}|{{ trunc 4 .Subject }}|{{ trunc -1 .Subject }}')).toBe("ababab|user|user|1");
    expect(render('{{ abbrev 8 "hello world" }}|{{ nospace "a b c" }}|{{ initials "Ada Lovelace" }}')).toBe("hello...|abc|AL");
    expect(render('{{ snakecase "FirstName" }}|{{ kebabcase "FirstName" }}|{{ camelcase "first_name" }}')).toBe("first_name|first-name|FirstName");
    expect(render('{{ squote .Subject }}|{{ cat "a" "b" nil "c" }}|{{ indent 2 "x" }}')).toBe("'user-1'|a b c|  x");
    expect(render('{{ splitList "," "a,b" | toJson }}')).toBe('["a","b"]');
  });

  it("regular expressions (RE2, linear time)", () => {
    expect(render('{{ regexMatch "^user-[0-9]+$" .Subject }}')).toBe("true");
    expect(render('{{ regexFind "[0-9]+" .Subject }}|{{ regexReplaceAll "[aeiou]" .Subject "_" }}')).toBe("1|_s_r-1");
    expect(render('{{ regexReplaceAllLiteral "u" .Subject "$1" }}|{{ regexSplit "-" .Subject -1 | toJson }}')).toBe('$1ser-1|["user","1"]');
    expect(render('{{ regexFindAll "[a-z]" "a1b2c" 2 | toJson }}')).toBe('["a","b"]');
    expect(() => render('{{ regexMatch "(" "x" }}')).toThrow(/invalid regular expression/);
  });

  it("list and dict functions", () => {
    expect(render("{{ .Extra.groups | uniq | compact | sortAlpha | toJson }}")).toBe('["admin","dev"]');
    expect(render('{{ has "admin" .Extra.groups }}|{{ has "root" .Extra.groups }}')).toBe("true|false");
    expect(render('{{ list "a" "b" | toJson }}|{{ append (list "a") "b" | toJson }}|{{ prepend (list "b") "a" | toJson }}')).toBe(
      '["a","b"]|["a","b"]|["a","b"]',
    );
    expect(render('{{ concat (list 1) (list 2 3) | toJson }}|{{ rest (list 1 2 3) | toJson }}|{{ initial (list 1 2 3) | toJson }}')).toBe("[1,2,3]|[2,3]|[1,2]");
    expect(render('{{ without .Extra.groups "dev" "" | toJson }}|{{ reverse (list 1 2) | toJson }}|{{ slice (list 1 2 3) 1 | toJson }}')).toBe('["admin"]|[2,1]|[2,3]');
    expect(render('{{ dict "sub" .Subject "plan" .Extra.identity.metadata_public.plan | toJson }}')).toBe('{"sub":"user-1","plan":"pro"}');
    expect(render('{{ get .Extra.identity.traits "tenant" }}|{{ hasKey .Extra.identity.traits "name" }}|{{ keys .Extra.identity.metadata_public | toJson }}')).toBe(
      'acme|true|["plan"]',
    );
    expect(render('{{ pick .Extra.identity.traits "tenant" | toJson }}|{{ omit .Extra.identity.traits "tenant" | toJson }}')).toBe('{"tenant":"acme"}|{"name":"ada lovelace"}');
  });

  it("defaults, JSON, encoding, math and comparisons", () => {
    expect(render('{{ coalesce .Extra.missing "" "fallback" }}|{{ ternary "yes" "no" .Extra.count }}')).toBe("fallback|yes");
    expect(render(`{{ index (fromJson .Extra.json) "a" | toJson }}|{{ toRawJson .Extra.identity.metadata_public }}`)).toBe('[1,2]|{"plan":"pro"}');
    expect(render('{{ b64enc "hi" }}|{{ b64dec "aGk=" }}|{{ sha256sum "" }}')).toBe("aGk=|hi|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(render('{{ add 1 2 3 }}|{{ sub 5 2 }}|{{ mul 2 3 }}|{{ div 7 2 }}|{{ mod 7 2 }}|{{ max 1 5 2 }}|{{ min 4 2 }}|{{ atoi "42" }}|{{ add1 .Extra.count }}')).toBe(
      "6|3|6|3|1|5|2|42|4",
    );
    expect(render('{{ if gt .Extra.count 2 }}many{{ end }}|{{ lt "a" "b" }}|{{ ge 2 2 }}|{{ le 3 2 }}')).toBe("many|true|true|false");
    expect(render('{{ printf "%s has %d groups (%q) 100%%" .Subject .Extra.count "x" }}')).toBe('user-1 has 3 groups ("x") 100%');
    expect(() => render("{{ div 1 0 }}")).toThrow(/division by zero/);
  });

  it("stays bounded", () => {
    expect(() => render('{{ repeat 100000 "ab" }}')).toThrow(/more than/);
    expect(templateError('{{ exec "ls" }}')).toMatch(/not defined/);
  });
});
