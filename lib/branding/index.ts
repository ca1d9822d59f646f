export { contrastRatio, relativeLuminance, parseHex, normalizeHex, mix, readableOn } from "./color";
export { contrastChecks, contrastWarnings, MIN_TEXT_CONTRAST, type ContrastCheck, type ContrastPair } from "./contrast";
export { themeStylesheet, themeVariables, paletteTokens, type ColorScheme } from "./css";
export { defaultBranding, defaultLightPalette, defaultDarkPalette } from "./defaults";
export { fontStacks, fontFamilies, type FontFamily } from "./fonts";
export { resolveBranding, storedBranding, BRANDING_CONFIG_PATH } from "./resolve";
export { brandingSchema, paletteSchema, hexColorSchema, imageUrlSchema, themeModes, footerModes, type Branding, type BrandingInput, type Palette, type ThemeMode } from "./schema";
export { brandingPatch, type AddOperation } from "./patch";
export { brandingFromForm, MAX_LOGO_BYTES, type BrandingFormState } from "./form";
