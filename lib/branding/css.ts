import { mix } from "./color";
import { fontStacks } from "./fonts";
import type { Branding, Palette } from "./schema";

export type ColorScheme = "light" | "dark";

/** Status colours stay fixed per scheme (chosen for ≥ 4.5:1 on the default surfaces). */
const statusColors: Record<ColorScheme, { error: string; success: string; info: string }> = {
  light: { error: "#b42318", success: "#067647", info: "#1d4ed8" },
  dark: { error: "#fda29b", success: "#75e0a7", info: "#93c5fd" },
};

/** Derived tokens: muted text, borders and tinted message backgrounds come from the palette itself. */
export function paletteTokens(palette: Palette, scheme: ColorScheme): Record<string, string> {
  const status = statusColors[scheme];
  return {
    "--pc-primary": palette.primary,
    "--pc-primary-hover": mix(palette.primary, scheme === "light" ? "#000000" : "#ffffff", 0.12),
    "--pc-on-primary": palette.on_primary,
    "--pc-bg": palette.background,
    "--pc-surface": palette.surface,
    "--pc-text": palette.text,
    "--pc-muted": mix(palette.text, palette.surface, 0.3),
    "--pc-border": mix(palette.text, palette.surface, 0.78),
    "--pc-input-bg": mix(palette.surface, palette.background, 0.35),
    "--pc-error": status.error,
    "--pc-error-bg": mix(status.error, palette.surface, 0.9),
    "--pc-success": status.success,
    "--pc-success-bg": mix(status.success, palette.surface, 0.9),
    "--pc-info": status.info,
    "--pc-info-bg": mix(status.info, palette.surface, 0.9),
  };
}

/** All CSS custom properties of one scheme, e.g. for an inline `style` (live preview). */
export function themeVariables(branding: Branding, scheme: ColorScheme): Record<string, string> {
  return {
    ...paletteTokens(branding[scheme], scheme),
    "--pc-radius": `${branding.corner_radius}px`,
    "--pc-font": fontStacks[branding.font_family],
    "color-scheme": scheme,
  };
}

const declarations = (vars: Record<string, string>) =>
  Object.entries(vars)
    .map(([name, value]) => `${name}:${value};`)
    .join("");

/**
 * A stylesheet for the hosted page root (`[data-pc-theme]`), rendered on the server into the HTML so the
 * first paint is already themed (no flash, no layout shift). Every value went through the zod schema
 * (hex colours, integer radius, font from the safe list), so nothing user-written reaches the CSS raw.
 * `auto` follows `prefers-color-scheme` (Media Queries Level 5 §11.5).
 */
export function themeStylesheet(branding: Branding, selector = "[data-pc-theme]"): string {
  const light = declarations(themeVariables(branding, "light"));
  const dark = declarations(themeVariables(branding, "dark"));
  switch (branding.mode) {
    case "light":
      return `${selector}{${light}}`;
    case "dark":
      return `${selector}{${dark}}`;
    default:
      return `${selector}{${light}}@media (prefers-color-scheme: dark){${selector}{${dark}}}`;
  }
}
