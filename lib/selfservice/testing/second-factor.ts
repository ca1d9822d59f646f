import { Secret, TOTP } from "otpauth";
import type { FrontendApi, SettingsFlow, UiNode } from "@ory/client-fetch";

/** Test helpers for second factors: codes computed by `otpauth` from the secret the settings flow shows. */
export const totpFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });

/** A code of the step `offsetSteps` from now (±1 is within the window the server accepts). */
export const totpCode = (secret: string, offsetSteps = 0, now = Date.now()) => totpFor(secret).generate({ timestamp: now + offsetSteps * 30_000 });

export const nodeNamed = (nodes: UiNode[], name: string) => nodes.find((n) => (n.attributes as { name?: string; id?: string }).name === name || (n.attributes as { id?: string }).id === name);

/** The TOTP secret a settings flow offers (the text node's context). */
export function shownSecret(flow: SettingsFlow): string {
  const node = nodeNamed(flow.ui.nodes, "totp_secret_key");
  const secret = (node?.attributes as { text?: { context?: { secret?: string } } } | undefined)?.text?.context?.secret;
  if (!secret) throw new Error("the settings flow shows no TOTP secret");
  return secret;
}

/** The recovery codes a settings flow shows after `lookup_secret_regenerate`. */
export function shownCodes(flow: SettingsFlow): string[] {
  const node = nodeNamed(flow.ui.nodes, "lookup_secret_codes");
  const secrets = (node?.attributes as { text?: { context?: { secrets?: { context?: { secret?: string } }[] } } } | undefined)?.text?.context?.secrets ?? [];
  return secrets.map((s) => s.context?.secret ?? "").filter(Boolean);
}

/** Enrols TOTP through a native settings flow; returns the secret. The enrolment code's step counts as used. */
export async function enrolTotp(frontend: FrontendApi, sessionToken: string): Promise<string> {
  const flow = await frontend.createNativeSettingsFlow({ xSessionToken: sessionToken });
  const secret = shownSecret(flow);
  await frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: sessionToken, updateSettingsFlowBody: { method: "totp", totp_code: totpCode(secret) } });
  return secret;
}
