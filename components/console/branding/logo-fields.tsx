"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MAX_LOGO_BYTES } from "@/lib/branding/form";
import type { Branding } from "@/lib/branding/schema";

type Set = <K extends keyof Branding>(key: K, value: Branding[K]) => void;

/**
 * Logo by https URL or upload. An upload goes to the server action as a file (works without scripts); with
 * scripts it is also read locally so the preview shows it at once.
 */
export function LogoFields({ branding, onChange, error }: { branding: Branding; onChange: Set; error: (name: string) => string | undefined }) {
  const t = useTranslations("branding");
  const [uploadError, setUploadError] = useState<string | undefined>();
  const isData = branding.logo_url.startsWith("data:");

  function read(file: File | undefined) {
    setUploadError(undefined);
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setUploadError(t("errors.logoTooLarge"));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => typeof reader.result === "string" && onChange("logo_url", reader.result);
    reader.readAsDataURL(file);
  }

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field name="logo_url" idPrefix="branding" label={t("logoUrl")} hint={t("logoUrlHint")} error={error("logo_url") ?? uploadError}>
        {(control) => (
          <Input
            {...control}
            type="text"
            inputMode="url"
            value={isData ? t("uploadedLogo") : branding.logo_url}
            readOnly={isData}
            onChange={(e) => onChange("logo_url", e.target.value)}
            name={isData ? undefined : control.name}
          />
        )}
      </Field>
      {isData ? <input type="hidden" name="logo_url" value={branding.logo_url} /> : null}
      <Field name="logo_file" idPrefix="branding" label={t("logoUpload")} hint={t("logoUploadHint", { kb: Math.floor(MAX_LOGO_BYTES / 1024) })}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml,image/avif"
            onChange={(e) => read(e.target.files?.[0])}
            className="block w-full text-sm file:mr-3 file:h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100"
          />
        )}
      </Field>
      <Field name="logo_dark_url" idPrefix="branding" label={t("logoDarkUrl")} hint={t("logoDarkUrlHint")} error={error("logo_dark_url")}>
        {(control) => <Input {...control} type="text" inputMode="url" value={branding.logo_dark_url} onChange={(e) => onChange("logo_dark_url", e.target.value)} />}
      </Field>
      {branding.logo_url ? (
        <div className="flex items-end">
          <button type="button" onClick={() => onChange("logo_url", "")} className="h-10 text-sm font-medium text-brand-700 hover:underline dark:text-brand-100">
            {t("removeLogo")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
