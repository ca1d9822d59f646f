import type { Branding, Palette } from "./schema";

export const defaultLightPalette: Palette = {
  primary: "#2853e0",
  on_primary: "#ffffff",
  background: "#f1f5f9",
  surface: "#ffffff",
  text: "#0f172a",
};

export const defaultDarkPalette: Palette = {
  primary: "#7c9cff",
  on_primary: "#0b1020",
  background: "#0b1120",
  surface: "#151d2e",
  text: "#e2e8f0",
};

export const defaultBranding: Branding = {
  display_name: "",
  logo_url: "",
  logo_dark_url: "",
  mode: "auto",
  corner_radius: 8,
  font_family: "system",
  footer: "secured_by",
  footer_text: "",
  light: defaultLightPalette,
  dark: defaultDarkPalette,
};
