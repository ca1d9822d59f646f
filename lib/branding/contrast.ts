import { contrastRatio } from "./color";
import { paletteTokens, type ColorScheme } from "./css";
import type { Branding } from "./schema";

/** WCAG 2.2 SC 1.4.3 (Contrast, Minimum, level AA): 4.5:1 for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

export type ContrastPair = "text_on_surface" | "text_on_background" | "on_primary_on_primary" | "muted_on_surface" | "primary_on_surface";

export interface ContrastCheck {
  scheme: ColorScheme;
  pair: ContrastPair;
  foreground: string;
  background: string;
  ratio: number;
  passes: boolean;
}

/** Every text/background pair a hosted page shows, per scheme the branding can render. */
export function contrastChecks(branding: Branding): ContrastCheck[] {
  const schemes: ColorScheme[] = branding.mode === "auto" ? ["light", "dark"] : [branding.mode];
  return schemes.flatMap((scheme) => {
    const palette = branding[scheme];
    const muted = paletteTokens(palette, scheme)["--pc-muted"];
    const pairs: Array<[ContrastPair, string, string]> = [
      ["text_on_surface", palette.text, palette.surface],
      ["text_on_background", palette.text, palette.background],
      ["on_primary_on_primary", palette.on_primary, palette.primary],
      ["primary_on_surface", palette.primary, palette.surface],
      ["muted_on_surface", muted, palette.surface],
    ];
    return pairs.map(([pair, foreground, background]) => {
      const ratio = Math.round(contrastRatio(foreground, background) * 100) / 100;
      return { scheme, pair, foreground, background, ratio, passes: ratio >= MIN_TEXT_CONTRAST };
    });
  });
}

/** Only the failing pairs: what the console editor warns about. */
export function contrastWarnings(branding: Branding): ContrastCheck[] {
  return contrastChecks(branding).filter((check) => !check.passes);
}
