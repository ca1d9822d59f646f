"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { ColorScheme } from "@/lib/branding/css";
import type { BrandingFormState } from "@/lib/branding/form";
import { fontFamilies } from "@/lib/branding/fonts";
import { footerModes, themeModes, type Branding, type Palette } from "@/lib/branding/schema";
import { BrandingPreview } from "./branding-preview";
import { ColorField } from "./color-field";
import { ContrastWarnings } from "./contrast-warnings";
import { LogoFields } from "./logo-fields";
import { useSavedToast } from "@/components/console/identities/use-saved-toast";

type Action = (state: BrandingFormState, form: FormData) => Promise<BrandingFormState>;
const paletteKeys: Array<keyof Palette> = ["primary", "on_primary", "background", "surface", "text"];

/** The hosted pages' theme: a form on the left, the real login form rendered under that theme on the right. */
export function BrandingEditor({ action, initial, projectName }: { action: Action; initial: Branding; projectName: string }) {
  const t = useTranslations("branding");
  const te = useTranslations("branding.errors");
  const [state, formAction] = useActionState(action, {});
  const [branding, setBranding] = useState(initial);
  const [scheme, setScheme] = useState<ColorScheme>(initial.mode === "dark" ? "dark" : "light");
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.submittedAt, Boolean(state.fieldErrors));
  useSavedToast(state.saved, state.submittedAt, t("saved"));

  const set = <K extends keyof Branding>(key: K, value: Branding[K]) => setBranding((current) => ({ ...current, [key]: value }));
  const setColor = (which: ColorScheme, key: keyof Palette, value: string) =>
    setBranding((current) => ({ ...current, [which]: { ...current[which], [key]: value } }));
  const error = (name: string) => (state.fieldErrors?.[name] ? te(state.fieldErrors[name]) : undefined);
  const shownScheme: ColorScheme = branding.mode === "auto" ? scheme : branding.mode;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <form ref={form} action={formAction} noValidate className="space-y-8" data-testid="branding-form">
        <FormError message={state.formError ? te(state.formError) : undefined} />
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t("identityTitle")}</legend>
          <Field name="display_name" idPrefix="branding" label={t("displayName")} hint={t("displayNameHint", { name: projectName })} error={error("display_name")}>
            {(control) => <Input {...control} value={branding.display_name} maxLength={80} onChange={(e) => set("display_name", e.target.value)} />}
          </Field>
          <LogoFields branding={branding} onChange={set} error={error} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="footer" idPrefix="branding" label={t("footer")} error={error("footer")}>
              {(control) => (
                <Select {...control} value={branding.footer} onChange={(e) => set("footer", e.target.value as Branding["footer"])}>
                  {footerModes.map((mode) => <option key={mode} value={mode}>{t(`footers.${mode}`)}</option>)}
                </Select>
              )}
            </Field>
            {branding.footer === "custom" ? (
              <Field name="footer_text" idPrefix="branding" label={t("footerText")} error={error("footer_text")}>
                {(control) => <Input {...control} value={branding.footer_text} maxLength={120} onChange={(e) => set("footer_text", e.target.value)} />}
              </Field>
            ) : <input type="hidden" name="footer_text" value={branding.footer_text} />}
          </div>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t("appearanceTitle")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="mode" idPrefix="branding" label={t("mode")} error={error("mode")}>
              {(control) => (
                <Select {...control} value={branding.mode} onChange={(e) => set("mode", e.target.value as Branding["mode"])}>
                  {themeModes.map((mode) => <option key={mode} value={mode}>{t(`modes.${mode}`)}</option>)}
                </Select>
              )}
            </Field>
            <Field name="font_family" idPrefix="branding" label={t("font")} error={error("font_family")}>
              {(control) => (
                <Select {...control} value={branding.font_family} onChange={(e) => set("font_family", e.target.value as Branding["font_family"])}>
                  {fontFamilies.map((font) => <option key={font} value={font}>{t(`fonts.${font}`)}</option>)}
                </Select>
              )}
            </Field>
            <Field name="corner_radius" idPrefix="branding" label={t("radius", { px: branding.corner_radius })} error={error("corner_radius")}>
              {(control) => <input {...control} type="range" min={0} max={24} step={1} value={branding.corner_radius} onChange={(e) => set("corner_radius", Number(e.target.value))} className="h-10 w-full accent-brand-600" />}
            </Field>
          </div>
        </fieldset>
        {(["light", "dark"] as const).map((which) => (
          <fieldset key={which} className="space-y-4">
            <legend className="mb-2 text-base font-semibold">{t(`palette.${which}`)}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {paletteKeys.map((key) => (
                <ColorField key={key} name={`${which}.${key}`} label={t(`colors.${key}`)} value={branding[which][key]} error={error(`${which}.${key}`)} onChange={(hex) => setColor(which, key, hex)} />
              ))}
            </div>
          </fieldset>
        ))}
        <div className="flex justify-end">
          <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
        </div>
      </form>
      <aside aria-labelledby="branding-preview-title" className="space-y-3 xl:sticky xl:top-6 xl:self-start">
        <div className="flex items-center justify-between gap-2">
          <h2 id="branding-preview-title" className="text-base font-semibold">{t("preview")}</h2>
          {branding.mode === "auto" ? (
            <div role="group" aria-label={t("previewScheme")} className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
              {(["light", "dark"] as const).map((which) => (
                <button key={which} type="button" aria-pressed={scheme === which} onClick={() => setScheme(which)} className="rounded px-2.5 py-1 text-sm aria-pressed:bg-brand-600 aria-pressed:text-white">
                  {t(`schemes.${which}`)}
                </button>
              ))}
            </div>
          ) : null}
        </div>
        <ContrastWarnings branding={branding} />
        <BrandingPreview branding={branding} scheme={shownScheme} projectName={projectName} />
      </aside>
    </div>
  );
}
