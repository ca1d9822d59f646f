import type { Branding } from "@/lib/branding";

/**
 * The project's logo in a box of fixed height (no layout shift while it loads). Without a logo, a
 * monogram in the primary colour. With a separate dark logo and `auto` mode, the browser picks by
 * `prefers-color-scheme`.
 */
export function ProjectLogo({ branding, name, alt }: { branding: Pick<Branding, "logo_url" | "logo_dark_url" | "mode">; name: string; alt: string }) {
  const light = branding.logo_url;
  const dark = branding.logo_dark_url || light;
  const src = branding.mode === "dark" ? dark : light;
  if (!src) {
    return (
      <div aria-hidden="true" className="flex h-11 w-11 items-center justify-center rounded-(--pc-radius) bg-(--pc-primary) text-lg font-bold text-(--pc-on-primary)">
        {(name.trim()[0] ?? "?").toUpperCase()}
      </div>
    );
  }
  return (
    <picture className="flex h-11 items-center justify-center">
      {branding.mode === "auto" && dark !== light ? <source srcSet={dark} media="(prefers-color-scheme: dark)" /> : null}
      {/* Logos are https or data URLs from the project config, not assets Next can optimise. */}
      <img src={src} alt={alt} height={44} className="h-11 w-auto max-w-[200px] object-contain" />
    </picture>
  );
}
