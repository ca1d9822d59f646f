import { z } from "zod";
import { getIdentity, type IdentityRecord } from "@/lib/identity";
import type { AuthenticatedSession } from "@/lib/sessions";
import type { ClaimsFromTraits } from "@/lib/projects";
import { settingsOf, type OAuth2Context } from "../context";
import { getLoginRequest } from "../flows/admin-requests";
import { findFlow } from "../flows/store";
import { claimsFromIdentity } from "./claims";

/** An account as the chooser names it: who (name) and what one signs in with (identifier). */
export interface AccountLabel {
  name: string;
  identifier: string;
}

/** Why the hosted login asks which account to use, and what it shows (stored with the login flow). */
export interface AccountChoice {
  /** `select_account`: the client asked for a chooser; `subject`: it wants (or this browser remembers) another account. */
  reason: "select_account" | "subject";
  client: string;
  current: AccountLabel;
  /** The wanted account, named only as far as the request or this browser already knew it. */
  hinted?: Partial<AccountLabel>;
}

const text = z.string().min(1).max(320).optional().catch(undefined);
const hintClaims = z.object({ sub: text, email: text, preferred_username: text, name: text });

/** The chooser's label of an identity: its name (or identifier) and the identifier to prefill at sign-in. */
export function accountLabel(identity: IdentityRecord, mapping?: ClaimsFromTraits): AccountLabel {
  const claims = claimsFromIdentity(identity, mapping) as Record<string, string | undefined>;
  const credential = identity.credentials.find((c) => c.type === "password")?.identifiers[0]?.identifier;
  const identifier = claims.email ?? credential ?? claims.preferred_username ?? claims.phone_number ?? identity.id;
  return { name: claims.name ?? identifier, identifier };
}

/**
 * How to name the wanted account without revealing more than the request did: the claims of the id_token_hint
 * (which passed through this browser), else — when it is the login this browser remembers — its identity.
 */
async function wantedLabel(ctx: OAuth2Context, subject: string, hint: z.infer<typeof hintClaims>, remembered: boolean): Promise<Partial<AccountLabel>> {
  const identifier = hint.sub === subject ? (hint.email ?? hint.preferred_username) : undefined;
  if (identifier) return { name: hint.name ?? identifier, identifier };
  const identity = remembered ? await getIdentity(ctx, subject) : undefined;
  return identity ? accountLabel(identity, settingsOf(ctx).oidc.claims_from_traits) : {};
}

/**
 * Whether the browser's identity session may answer the login request only after the person chose the account:
 * - prompt=select_account asks the End-User to select an account (OIDC Core §3.1.2.1);
 * - the id_token_hint names another End-User than the one signed in (§3.1.2.1: the AS answers positively only for
 *   the hinted End-User), or the remembered login (Hydra's skip) is another subject's.
 * Unknown or handled challenges throw (404/410), as loading the login request does.
 */
export async function accountChoiceFor(ctx: OAuth2Context, challenge: string, auth: AuthenticatedSession): Promise<AccountChoice | undefined> {
  const request = await getLoginRequest(ctx, challenge);
  const flow = await findFlow(ctx.db, { id: challenge });
  if (!flow) return undefined;
  const hint = hintClaims.parse(flow.request.idTokenHintClaims ?? {});
  const wanted = request.skip ? request.subject : hint.sub;
  const mismatch = wanted !== undefined && wanted !== auth.identity.id;
  if (!mismatch && !flow.request.prompt.includes("select_account")) return undefined;
  const client = String(request.client.client_name || request.client.client_id);
  const choice: AccountChoice = { reason: mismatch ? "subject" : "select_account", client, current: accountLabel(auth.identity, settingsOf(ctx).oidc.claims_from_traits) };
  if (mismatch) choice.hinted = await wantedLabel(ctx, wanted, hint, request.skip);
  return choice;
}
