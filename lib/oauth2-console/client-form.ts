import { z } from "zod";
import { clientInputSchema, type ClientInput } from "@/lib/oauth2/clients";
import { authMethodProblem } from "@/lib/oauth2/clients/auth-method-rules";
import { corsOriginProblem } from "@/lib/oauth2/clients/origin-rules";
import { jwksUriError, parseJwksText, type ClientJwks } from "./client-keys-form";
import { CLIENT_PRESETS, presetDefaults, presetUsesRedirects } from "./presets";
import { isNativeRedirectUri, optionalHttpUrl, splitList, uriListField } from "./uri-list";

const name = z.string().trim().min(1, "required").max(200, "tooLong");
// RFC 6749 §3.3 scope tokens: printable ASCII except space, quote and backslash.
const scope = z.string().trim().max(4096, "tooLong").transform((v) => splitList(v).join(" ")).refine((v) => /^[\x21\x23-\x5B\x5D-\x7E ]*$/.test(v), "scope");

/** The console's "new client" form: a preset plus what every preset needs. */
export const createClientFormSchema = z
  .object({ preset: z.enum(CLIENT_PRESETS, "required"), client_name: name, redirect_uris: uriListField, scope })
  .superRefine((value, issue) => {
    if (!presetUsesRedirects(value.preset)) return;
    if (value.redirect_uris.length === 0) issue.addIssue({ code: "custom", path: ["redirect_uris"], message: "required" });
    else if (value.preset === "native" && !value.redirect_uris.every(isNativeRedirectUri)) issue.addIssue({ code: "custom", path: ["redirect_uris"], message: "nativeRedirect" });
  });
export type CreateClientForm = z.infer<typeof createClientFormSchema>;

export function createClientInput(form: CreateClientForm): ClientInput {
  const defaults = presetDefaults[form.preset];
  return clientInputSchema.parse({
    ...defaults,
    client_name: form.client_name,
    scope: form.scope || defaults.scope,
    redirect_uris: presetUsesRedirects(form.preset) ? form.redirect_uris : [],
    metadata: { console_preset: form.preset },
  });
}

export const EDITABLE_GRANTS = ["authorization_code", "refresh_token", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code"] as const;
export const EDITABLE_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"] as const;

/** Origins typed into the list: blanks dropped, duplicates removed, each checked by the API's rule. */
const originList = z
  .array(z.string().max(2048, "tooLong"))
  .transform((list) => [...new Set(list.map((entry) => entry.trim()).filter(Boolean))])
  .refine((list) => list.length <= 100, "tooMany")
  .refine((list) => list.every((origin) => !corsOriginProblem(origin)), "corsOrigin");

/** The console's edit form: the fields an operator changes day to day (the rest stays as stored). */
export const editClientFormSchema = z
  .object({
    client_name: name,
    redirect_uris: uriListField,
    post_logout_redirect_uris: uriListField,
    scope,
    audience: z.string().max(20_000, "tooLong").transform(splitList).refine((list) => list.length <= 100, "tooMany"),
    grant_types: z.array(z.enum(EDITABLE_GRANTS, "invalid")).min(1, "grantRequired"),
    token_endpoint_auth_method: z.enum(EDITABLE_AUTH_METHODS, "invalid"),
    skip_consent: z.boolean(),
    frontchannel_logout_uri: optionalHttpUrl,
    backchannel_logout_uri: optionalHttpUrl,
    access_token_strategy: z.enum(["", "jwt", "opaque"], "invalid"),
    allowed_cors_origins: originList.default([]),
    key_source: z.enum(["jwks", "jwks_uri"], "invalid").default("jwks"),
    jwks: z.string().max(100_000, "tooLong").default(""),
    jwks_uri: z.string().trim().max(2048, "tooLong").default(""),
  })
  .transform((form, ctx) => {
    const { key_source, jwks: jwksText, jwks_uri, ...fields } = form;
    let keys: { jwks: ClientJwks; jwks_uri: string } | undefined;
    const fail = (path: string, message: string) => void ctx.addIssue({ code: "custom", path: [path], message });
    // Keys matter for private_key_jwt only (RFC 7523 §2.2); for other methods the stored ones stay as they are.
    if (form.token_endpoint_auth_method === "private_key_jwt") {
      if (key_source === "jwks") {
        const parsed = jwksText.trim() ? parseJwksText(jwksText) : { problem: "keysRequired" as const };
        if (parsed.problem) fail("jwks", parsed.problem);
        else keys = { jwks: parsed.jwks, jwks_uri: "" };
      } else {
        const problem = jwks_uri ? jwksUriError(jwks_uri) : "keysRequired";
        if (problem) fail("jwks_uri", problem);
        else keys = { jwks: { keys: [] }, jwks_uri };
      }
    }
    // The API's rule; missing keys were reported on their field above.
    const method = authMethodProblem(form.token_endpoint_auth_method, form.grant_types, { jwks: Boolean(keys?.jwks.keys.length), jwksUri: Boolean(keys?.jwks_uri) });
    if (method?.code === "publicClientCredentials") fail("token_endpoint_auth_method", method.code);
    return { ...fields, keys };
  });
export type EditClientForm = z.infer<typeof editClientFormSchema>;

/**
 * The edit as RFC 6902 operations on the client document (`add` replaces existing members, §4.1), so
 * fields the form does not show (lifespans, metadata, grants it does not offer) are kept.
 * Response types follow the grants: `code` with authorization_code, implicit ones only with implicit.
 */
export function editClientPatch(form: EditClientForm, current: { grant_types: readonly string[]; response_types: readonly string[] }) {
  const offered: readonly string[] = EDITABLE_GRANTS;
  const grants = [...form.grant_types, ...current.grant_types.filter((grant) => !offered.includes(grant))];
  const withCode = grants.includes("authorization_code");
  const responseTypes = current.response_types.filter((type) => (type.split(" ").includes("code") ? withCode : grants.includes("implicit")));
  if (withCode && !responseTypes.includes("code")) responseTypes.unshift("code");
  const { keys, ...fields } = form;
  const values: Record<string, unknown> = { ...fields, ...keys, grant_types: grants, response_types: responseTypes };
  return Object.entries(values).map(([key, value]) => ({ op: "add" as const, path: `/${key}`, value }));
}
