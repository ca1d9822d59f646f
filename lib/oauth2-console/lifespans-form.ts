import { z } from "zod";
import { getClient, setClientLifespans, type ClientDocument, type LifespanField } from "@/lib/oauth2/clients";
import { lifespanProblem } from "@/lib/oauth2/clients/lifespan-rules";
import type { OAuth2Context } from "@/lib/oauth2/context";
import { formatDuration } from "@/lib/oauth2/duration";
import { oauth2Settings } from "@/lib/oauth2/settings";

type Token = "access_token" | "id_token" | "refresh_token";
type Prefix = "authorization_code" | "refresh_token" | "client_credentials" | "device_authorization" | "implicit" | "jwt_bearer";

/** Which lifespans each grant type uses (Hydra's `{grant}_grant_{token}_lifespan`), in the order the form shows them. */
const GRANT_LIFESPANS: [grant: string, prefix: Prefix, tokens: Token[]][] = [
  ["authorization_code", "authorization_code", ["access_token", "id_token", "refresh_token"]],
  ["refresh_token", "refresh_token", ["access_token", "id_token", "refresh_token"]],
  ["urn:ietf:params:oauth:grant-type:device_code", "device_authorization", ["access_token", "id_token", "refresh_token"]],
  ["client_credentials", "client_credentials", ["access_token"]],
  ["implicit", "implicit", ["access_token", "id_token"]],
  ["urn:ietf:params:oauth:grant-type:jwt-bearer", "jwt_bearer", ["access_token"]],
];

export interface LifespanRow {
  field: LifespanField;
  grant: Prefix;
  token: Token;
  /** The client's own lifespan, "" when it uses the project's. */
  value: string;
  /** The project's TTL for this kind of token, as a duration ("1h"). */
  projectDefault: string;
}

/**
 * The lifespans that can apply to this client: only its grants; ID tokens only when it may ask for `openid`
 * (OIDC Core §3.1.3.3), refresh tokens only with the refresh_token grant (RFC 6749 §1.5).
 */
export function clientLifespanRows(doc: ClientDocument, project: { config: unknown }): LifespanRow[] {
  const { ttl } = oauth2Settings(project);
  const openid = doc.scope.split(" ").includes("openid");
  const refresh = doc.grant_types.includes("refresh_token");
  const rows: LifespanRow[] = [];
  for (const [grant, prefix, tokens] of GRANT_LIFESPANS) {
    if (!(doc.grant_types as readonly string[]).includes(grant)) continue;
    for (const token of tokens) {
      if ((token === "id_token" && !openid) || (token === "refresh_token" && !refresh)) continue;
      const field = `${prefix}_grant_${token}_lifespan` as LifespanField;
      rows.push({ field, grant: prefix, token, value: doc.lifespans[field] ?? "", projectDefault: formatDuration(ttl[token]) });
    }
  }
  return rows;
}

/** A lifespan field of the form: empty for the project default, else the API's rule as an error key. */
const lifespanField = z
  .string()
  .trim()
  .max(64, "tooLong")
  .superRefine((value, ctx) => {
    const problem = value ? lifespanProblem(value) : undefined;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Invalid input comes back as the ZodError (messages are error keys), never half-saved. */
export type SaveLifespansResult = { ok: true } | { ok: false; error: z.ZodError };

/**
 * Saves the lifespans the console shows for this client through the API's setClientLifespans (same checks,
 * same audit event). Lifespans of grants the form does not show are kept as stored.
 */
export async function saveClientLifespans(ctx: OAuth2Context, clientId: string, values: Record<string, string>): Promise<SaveLifespansResult> {
  const current = await getClient(ctx, clientId);
  const rows = clientLifespanRows(current.doc, ctx.project);
  const schema = z.object(Object.fromEntries(rows.map((row) => [row.field, lifespanField])));
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const next: Partial<Record<LifespanField, string>> = { ...current.doc.lifespans };
  for (const row of rows) {
    const value = parsed.data[row.field];
    if (value) next[row.field] = value;
    else delete next[row.field];
  }
  await setClientLifespans(ctx, clientId, next);
  return { ok: true };
}
