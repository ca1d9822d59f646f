"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { TextArea } from "./text-area";

const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"] as const;
type KeySource = "jwks" | "jwks_uri";

export interface ClientAuthValues {
  method: string;
  keySource: KeySource;
  jwks: string;
  jwksUri: string;
}

/**
 * The token endpoint auth method and, for private_key_jwt (RFC 7523 §2.2), where the client's public keys come
 * from: a pasted JWK Set or a JWK Set URL. Errors arrive from the server action as translated messages.
 */
export function ClientAuthFields({ initial, error }: { initial: ClientAuthValues; error: (key: string) => string | undefined }) {
  const t = useTranslations("oauth2Console.edit");
  const [method, setMethod] = useState(initial.method);
  const [source, setSource] = useState<KeySource>(initial.keySource);

  return (
    <div className="space-y-4">
      <Field name="token_endpoint_auth_method" idPrefix="edit" label={t("authMethod")} hint={t("authMethodHint")} error={error("token_endpoint_auth_method")}>
        {(control) => (
          <Select {...control} value={method} onChange={(event) => setMethod(event.target.value)} className="lg:max-w-md">
            {AUTH_METHODS.map((value) => <option key={value} value={value}>{t(`authMethods.${value}`)}</option>)}
          </Select>
        )}
      </Field>
      {/* Hidden, not unmounted: switching back and forth keeps what was typed. */}
      <div hidden={method !== "private_key_jwt"} className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700" data-testid="client-keys">
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{t("keys.legend")}</legend>
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{t("keys.description")}</p>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {(["jwks", "jwks_uri"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="key_source" value={value} checked={source === value} onChange={() => setSource(value)} className="h-4 w-4 accent-brand-600" />
                {t(`keys.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div hidden={source !== "jwks"}>
          <Field name="jwks" idPrefix="edit" label={t("keys.jwksLabel")} hint={t("keys.jwksHint")} error={error("jwks")}>
            {(control) => <TextArea {...control} rows={8} spellCheck={false} defaultValue={initial.jwks} placeholder={'{"keys": [{"kty": "EC", "crv": "P-256", "kid": "…", "x": "…", "y": "…"}]}'} />}
          </Field>
        </div>
        <div hidden={source !== "jwks_uri"}>
          <Field name="jwks_uri" idPrefix="edit" label={t("keys.jwksUriLabel")} hint={t("keys.jwksUriHint")} error={error("jwks_uri")}>
            {(control) => <Input {...control} type="url" defaultValue={initial.jwksUri} placeholder="https://app.example.com/.well-known/jwks.json" className="font-mono" />}
          </Field>
        </div>
      </div>
    </div>
  );
}
