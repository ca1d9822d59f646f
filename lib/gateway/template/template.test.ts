import { describe, expect, it } from "vitest";
import { compileTemplate, templateError, ValueBag } from "./index";
import { sanitizeCookieValue, sanitizeHeaderValue } from "./sanitize";

const session = {
  Subject: "user-1",
  Extra: { email: "a@example.com", groups: ["admin", "dev"], nested: { level: 2 }, admin: true },
  MatchContext: {
    RegexpCaptureGroups: ["doc-42", "v1"],
    URL: { Scheme: "https", Host: "app.example.com", Path: "/docs/doc-42", RawQuery: "q=1", Query: new ValueBag({ q: ["1"] }, false) },
    Method: "GET",
    Header: new ValueBag({ "x-tenant": ["acme"] }, true),
  },
};
const render = (source: string) => compileTemplate(source).render(session);

describe("Go template subset", () => {
  it("renders what Oathkeeper rule authors write", () => {
    expect(render("{{ print .Subject }}")).toBe("user-1");
    expect(render("{{ .Subject }}")).toBe("user-1");
    expect(render("{{ .Extra.email }}")).toBe("a@example.com");
    expect(render("{{ .Extra.nested.level }}")).toBe("2");
    expect(render("{{ printIndex .MatchContext.RegexpCaptureGroups 0 }}")).toBe("doc-42");
    expect(render("{{ printIndex .MatchContext.RegexpCaptureGroups 9 }}")).toBe("");
    expect(render("{{ index .MatchContext.RegexpCaptureGroups 1 }}")).toBe("v1");
    expect(render("{{ .MatchContext.RegexpCaptureGroups }}")).toBe("[doc-42 v1]");
    expect(render("{{ .MatchContext.URL.Host }}{{ .MatchContext.URL.Path }}")).toBe("app.example.com/docs/doc-42");
    expect(render('{{ .MatchContext.Header.Get "X-Tenant" }}')).toBe("acme");
    expect(render('{{ .MatchContext.URL.Query.Get "q" }}')).toBe("1");
    expect(render("{{ print .Extra.missing }}|{{ .Extra.missing }}")).toBe("|");
  });

  it("supports pipes, control structures and trim markers", () => {
    expect(render("{{ .Extra.groups | toJson }}")).toBe('["admin","dev"]');
    expect(render('{{ join "," .Extra.groups }}')).toBe("admin,dev");
    expect(render("{{ if .Extra.admin }}yes{{ else }}no{{ end }}")).toBe("yes");
    expect(render('{{ if eq .Subject "x" }}x{{ else if eq .Subject "user-1" }}u{{ else }}n{{ end }}')).toBe("u");
    expect(render("{{ range .Extra.groups }}<{{ . }}>{{ end }}")).toBe("<admin><dev>");
    expect(render("{{ with .Extra.nested }}{{ .level }}{{ end }}")).toBe("2");
    expect(render("a  {{- .Subject -}}  b")).toBe("auser-1b");
    expect(render('{{ .Extra.missing | default "none" }}')).toBe("none");
    expect(render('{"sub": {{ .Subject | toJson }}}')).toBe('{"sub": "user-1"}');
  });

  it("rejects what it does not support, at compile time", () => {
    expect(templateError("{{ .Subject ")).toMatch(/unclosed/);
    expect(templateError("{{ exec .Subject }}")).toMatch(/not defined/);
    expect(templateError("{{ $x := 1 }}")).toMatch(/variables/);
    expect(templateError("{{ if .Subject }}x")).toMatch(/missing \{\{end\}\}/);
    expect(templateError("{{ end }}")).toMatch(/unexpected/);
    expect(templateError('{{ template "x" }}')).toMatch(/not supported/);
    expect(templateError("{{ .Subject }}")).toBeUndefined();
  });

  it("never reaches prototypes or calls anything but Get", () => {
    expect(render("{{ .constructor }}{{ .Extra.__proto__ }}{{ .Extra.toString }}")).toBe("");
    expect(() => render('{{ .Extra.email.Get "x" }}')).toThrow(/can't call/);
    expect(() => render("{{ .Subject 1 }}")).toThrow();
  });

  it("bounds output", () => {
    const big = { Extra: { list: Array.from({ length: 5000 }, () => "xxxxxxxxxx") } };
    expect(() => compileTemplate("{{ range .Extra.list }}{{ . }}{{ end }}").render(big)).toThrow(/longer|step/);
  });
});

describe("header and cookie sanitising", () => {
  it("strips CR, LF and controls so a template can never add a header", () => {
    const evil = compileTemplate("{{ .Extra.name }}").render({ Extra: { name: "x\r\nSet-Cookie: a=b\u0000\u007f" } });
    expect(sanitizeHeaderValue(evil)).toBe("xSet-Cookie: a=b");
    expect(sanitizeHeaderValue("a\tb")).toBe("a\tb");
  });
  it("percent-encodes cookie separators", () => {
    expect(sanitizeCookieValue("a;b=c d")).toBe("a%3Bb=c%20d");
  });
});
