import type { Aal } from "@/lib/sessions";

/**
 * The Authentication Context Class References this provider understands (OIDC Core §2 `acr`, §3.1.2.1
 * `acr_values`), each mapped to the authenticator assurance level (NIST SP 800-63B, Kratos' AAL) it asks for:
 * - `aal1`, `aal2`: Portcullis' (and Ory's) own names for the levels;
 * - `1`, `2`: the numeric form relying parties use with Keycloak (the level of authentication counts the factors:
 *   1 = one factor, 2 = a second factor), so RPs moving over keep their `acr_values`.
 * Other values (URIs, ISO/IEC 29115 LoA names) are not recognised and are ignored, as OIDC Core lets a provider
 * do with voluntary acr values. The MFA work makes aal2 reachable; this table stays the one place to extend.
 */
const LEVELS: ReadonlyMap<string, Aal> = new Map([["aal1", "aal1"], ["aal2", "aal2"], ["1", "aal1"], ["2", "aal2"]]);

/** Discovery's `acr_values_supported` (OpenID Connect Discovery 1.0 §3). */
export const ACR_VALUES_SUPPORTED = [...LEVELS.keys()];

/** The assurance level a requested ACR value asks for; undefined when the value is not one we know. */
export const aalOfAcr = (value: string): Aal | undefined => LEVELS.get(value);

const RANK: Readonly<Record<string, number>> = { aal1: 1, aal2: 2, aal3: 3 };
/** Whether level `have` (a session's stored `aal`; anything unknown counts as aal1) meets `want`. */
const atLeast = (have: string, want: Aal) => (Object.hasOwn(RANK, have) ? RANK[have]! : 1) >= RANK[want]!;

/**
 * The level a login should reach for these `acr_values` (in order of preference, OIDC Core §3.1.2.1): the first
 * recognised value the identity can reach at all. Undefined when no value is recognised or reachable.
 */
export function wantedAal(requested: readonly string[], reachable: string): Aal | undefined {
  for (const value of requested) {
    const level = aalOfAcr(value);
    if (level && atLeast(reachable, level)) return level;
  }
  return undefined;
}

/**
 * The `acr` to answer (OIDC Core §2, §3.1.2.1): the first requested value, in order of preference, that the
 * authentication satisfied; otherwise (nothing requested, or nothing satisfiable — acr_values are voluntary) the
 * level the session actually has.
 */
export function answeredAcr(requested: readonly string[], sessionAal: string): string {
  return requested.find((value) => {
    const level = aalOfAcr(value);
    return level !== undefined && atLeast(sessionAal, level);
  }) ?? sessionAal;
}
