import { z } from "zod";
import { HEX_COLOR, normalizeHex } from "./color";
import { fontFamilies } from "./fonts";

/** Hex colour (`#rgb` / `#rrggbb`), stored lower-case and six digits. */
export const hexColorSchema = z.string().trim().regex(HEX_COLOR, "Use a hex colour like #1f6feb.").transform(normalizeHex);

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml|avif);base64,[A-Za-z0-9+/]+={0,2}$/;
/** Data-URL logos are embedded in every page: keep them small. */
export const MAX_DATA_URL_LENGTH = 150_000;

function isAllowedImageUrl(value: string): boolean {
  if (value.startsWith("data:")) return value.length <= MAX_DATA_URL_LENGTH && DATA_IMAGE.test(value);
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A logo: an https:// URL or a base64 `data:image/…` URL; nothing else (no http:, javascript:, …). */
export const imageUrlSchema = z
  .string()
  .trim()
  .refine(isAllowedImageUrl, "Use an https:// URL or a base64 data:image/… URL (at most 150 kB).");

export const paletteSchema = z.object({
  /** Buttons, links, focus ring. */
  primary: hexColorSchema,
  /** Text on primary buttons. */
  on_primary: hexColorSchema,
  /** The page behind the card. */
  background: hexColorSchema,
  /** The card. */
  surface: hexColorSchema,
  /** Body text on the card and the page. */
  text: hexColorSchema,
});
export type Palette = z.infer<typeof paletteSchema>;

export const themeModes = ["auto", "light", "dark"] as const;
export const footerModes = ["secured_by", "custom", "none"] as const;
export type ThemeMode = (typeof themeModes)[number];

/** The complete, validated branding of a project (`config.branding`). */
export const brandingSchema = z.object({
  /** Shown above the form; the project name is used when empty. */
  display_name: z.string().trim().max(80).default(""),
  logo_url: imageUrlSchema.or(z.literal("")).default(""),
  /** Logo for dark backgrounds; falls back to `logo_url`. */
  logo_dark_url: imageUrlSchema.or(z.literal("")).default(""),
  /** `auto` follows the visitor's `prefers-color-scheme`. */
  mode: z.enum(themeModes).default("auto"),
  /** Corner radius of cards, inputs and buttons, in CSS pixels. */
  corner_radius: z.number().int().min(0).max(24).default(8),
  font_family: z.enum(fontFamilies).default("system"),
  /** The line under the card: "Secured by Portcullis" (localized), the project's own text, or nothing. */
  footer: z.enum(footerModes).default("secured_by"),
  footer_text: z.string().trim().max(120).default(""),
  light: paletteSchema,
  dark: paletteSchema,
});
export type Branding = z.infer<typeof brandingSchema>;
export type BrandingInput = z.input<typeof brandingSchema>;
