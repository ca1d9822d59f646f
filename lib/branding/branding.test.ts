import { describe, expect, it } from "vitest";
import { brandingSchema, contrastWarnings, defaultBranding, resolveBranding, themeStylesheet, themeVariables } from ".";

describe("branding schema", () => {
  it("fills defaults and normalises colours", () => {
    const parsed = brandingSchema.parse({ light: { ...defaultBranding.light, primary: "#ABC" }, dark: defaultBranding.dark });
    expect(parsed.light.primary).toBe("#aabbcc");
    expect(parsed.mode).toBe("auto");
    expect(parsed.corner_radius).toBe(8);
    expect(parsed.font_family).toBe("system");
  });

  it("accepts https and data:image logos only", () => {
    const ok = ["https://cdn.example.com/logo.svg", "data:image/png;base64,iVBORw0KGgo=", "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", ""];
    for (const logo_url of ok) expect(brandingSchema.safeParse({ ...defaultBranding, logo_url }).success, logo_url).toBe(true);
    const bad = [
      "http://example.com/logo.png",
      "javascript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "data:image/svg+xml,<svg onload=alert(1)>",
      "https://user:pw@example.com/x.png",
      "//example.com/logo.png",
      `data:image/png;base64,${"A".repeat(160_000)}`,
    ];
    for (const logo_url of bad) expect(brandingSchema.safeParse({ ...defaultBranding, logo_url }).success, logo_url).toBe(false);
  });

  it("rejects non-hex colours, odd radii and fonts outside the safe list", () => {
    const bad = [
      { ...defaultBranding, light: { ...defaultBranding.light, text: "red" } },
      { ...defaultBranding, light: { ...defaultBranding.light, text: "#000;background:url(x)" } },
      { ...defaultBranding, corner_radius: 99 },
      { ...defaultBranding, corner_radius: 2.5 },
      { ...defaultBranding, font_family: "Comic Sans" },
      { ...defaultBranding, mode: "sepia" },
    ];
    for (const input of bad) expect(brandingSchema.safeParse(input).success).toBe(false);
  });
});

describe("resolveBranding", () => {
  it("returns the defaults without config", () => {
    expect(resolveBranding(undefined)).toEqual(defaultBranding);
    expect(resolveBranding({ services: {} })).toEqual(defaultBranding);
  });

  it("completes partial branding and drops invalid fields one by one", () => {
    const resolved = resolveBranding({ services: { account_experience: { config: { branding: { light: { primary: "#ff0000" }, corner_radius: 500, logo_url: "http://x", mode: "dark" } } } } });
    expect(resolved.light.primary).toBe("#ff0000");
    expect(resolved.light.text).toBe(defaultBranding.light.text);
    expect(resolved.corner_radius).toBe(defaultBranding.corner_radius);
    expect(resolved.logo_url).toBe("");
    expect(resolved.mode).toBe("dark");
  });
});

describe("theme CSS", () => {
  it("switches palettes by mode", () => {
    const auto = themeStylesheet(defaultBranding, "[data-pc-theme]");
    expect(auto).toContain("@media (prefers-color-scheme: dark)");
    expect(auto).toContain(`--pc-primary:${defaultBranding.light.primary}`);
    expect(auto).toContain(`--pc-primary:${defaultBranding.dark.primary}`);
    const dark = themeStylesheet({ ...defaultBranding, mode: "dark" });
    expect(dark).not.toContain("@media");
    expect(dark).not.toContain(defaultBranding.light.surface);
  });

  it("exposes radius and font", () => {
    const vars = themeVariables({ ...defaultBranding, corner_radius: 0, font_family: "serif" }, "light");
    expect(vars["--pc-radius"]).toBe("0px");
    expect(vars["--pc-font"]).toContain("serif");
  });
});

describe("contrast warnings", () => {
  it("passes for the defaults in both schemes", () => {
    expect(contrastWarnings(defaultBranding)).toEqual([]);
  });

  it("flags low-contrast text", () => {
    const washed = { ...defaultBranding, mode: "light" as const, light: { ...defaultBranding.light, text: "#999999" } };
    const warnings = contrastWarnings(washed);
    expect(warnings.map((w) => w.pair)).toContain("text_on_surface");
    expect(warnings.every((w) => w.scheme === "light" && w.ratio < 4.5)).toBe(true);
  });

  it("only checks the schemes the mode can render", () => {
    const badDark = { ...defaultBranding, dark: { ...defaultBranding.dark, text: "#222222" } };
    expect(contrastWarnings({ ...badDark, mode: "light" })).toEqual([]);
    expect(contrastWarnings({ ...badDark, mode: "auto" }).length).toBeGreaterThan(0);
  });
});

describe("brandingPatch", () => {
  it("adds the service when missing and replaces the member otherwise", async () => {
    const { brandingPatch } = await import(".");
    expect(brandingPatch({ services: {} }, defaultBranding)).toEqual([
      { op: "add", path: "/services/account_experience", value: { config: { branding: defaultBranding } } },
    ]);
    expect(brandingPatch({ services: { account_experience: { config: { locale: "de" } } } }, defaultBranding)).toEqual([
      { op: "add", path: "/services/account_experience/config/branding", value: defaultBranding },
    ]);
  });
});

describe("brandingFromForm", () => {
  const form = (entries: Record<string, string | File>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(entries)) data.set(key, value);
    return data;
  };
  const fields = {
    display_name: "Acme", logo_url: "", logo_dark_url: "", mode: "dark", corner_radius: "12", font_family: "rounded",
    "light.primary": "#112233", "light.on_primary": "#ffffff", "light.background": "#f0f0f0", "light.surface": "#ffffff", "light.text": "#111111",
    "dark.primary": "#99aaff", "dark.on_primary": "#000000", "dark.background": "#000000", "dark.surface": "#111111", "dark.text": "#eeeeee",
  };

  it("parses the editor's fields", async () => {
    const { brandingFromForm } = await import(".");
    const result = await brandingFromForm(form(fields));
    expect(result.success && result.branding).toMatchObject({ display_name: "Acme", mode: "dark", corner_radius: 12, font_family: "rounded", light: { primary: "#112233" } });
  });

  it("keeps the footer line by default and takes the project's own text or none", async () => {
    const { brandingFromForm } = await import(".");
    const plain = await brandingFromForm(form(fields));
    expect(plain.success && [plain.branding.footer, plain.branding.footer_text]).toEqual(["secured_by", ""]);
    const custom = await brandingFromForm(form({ ...fields, footer: "custom", footer_text: "  Acme Identity  " }));
    expect(custom.success && [custom.branding.footer, custom.branding.footer_text]).toEqual(["custom", "Acme Identity"]);
    expect((await brandingFromForm(form({ ...fields, footer: "hidden" }))).success).toBe(false);
  });

  it("turns an uploaded logo into a data URL and refuses other files", async () => {
    const { brandingFromForm } = await import(".");
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "logo.png", { type: "image/png" });
    const ok = await brandingFromForm(form({ ...fields, logo_file: png }));
    expect(ok.success && ok.branding.logo_url).toBe("data:image/png;base64,iVBORw==");
    const html = new File(["<script>"], "x.html", { type: "text/html" });
    expect(await brandingFromForm(form({ ...fields, logo_file: html }))).toEqual({ success: false, fieldErrors: { logo_url: "logoType" } });
  });

  it("reports invalid fields by name", async () => {
    const { brandingFromForm } = await import(".");
    const result = await brandingFromForm(form({ ...fields, "light.text": "black", logo_url: "http://x/logo.png", corner_radius: "99" }));
    expect(result).toEqual({ success: false, fieldErrors: { "light.text": "color", logo_url: "imageUrl", corner_radius: "invalid" } });
  });
});
