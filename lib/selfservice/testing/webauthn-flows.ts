import type { PublicKeyOptions } from "./soft-authenticator";

/** Native flow calls by plain fetch (the passkey and webauthn bodies as webauthn.js posts them), for the WebAuthn tests. */
export interface NativeFlow {
  id: string;
  ui: { nodes: { group: string; attributes: { name?: string; value?: unknown; onclickTrigger?: string; onloadTrigger?: string; src?: string } }[]; messages?: { id: number }[] };
}

export function nativeFlows(basePath: string) {
  const headers = (token?: string) => ({ accept: "application/json", "content-type": "application/json", ...(token ? { "x-session-token": token } : {}) });
  return {
    async start(kind: "login" | "registration" | "settings", token?: string, query = ""): Promise<NativeFlow> {
      const response = await fetch(`${basePath}/self-service/${kind}/api${query}`, { headers: headers(token) });
      if (!response.ok) throw new Error(`${kind} flow: ${response.status} ${await response.text()}`);
      return (await response.json()) as NativeFlow;
    },
    async submit(kind: "login" | "registration" | "settings", flow: NativeFlow, body: Record<string, unknown>, token?: string) {
      const response = await fetch(`${basePath}/self-service/${kind}?flow=${flow.id}`, { method: "POST", headers: headers(token), body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> & Partial<NativeFlow> };
    },
  };
}

export const nodeValue = (flow: Pick<NativeFlow, "ui">, name: string) => flow.ui.nodes.find((n) => n.attributes.name === name)?.attributes.value;

/** The options a node carries (`passkey_challenge`, `webauthn_login_trigger`, …) as the authenticator reads them. */
export function optionsOf(flow: Pick<NativeFlow, "ui">, name: string): PublicKeyOptions {
  const raw = nodeValue(flow, name);
  if (typeof raw !== "string") throw new Error(`the flow has no ${name} node`);
  const parsed = JSON.parse(raw) as PublicKeyOptions & { credentialOptions?: PublicKeyOptions };
  return parsed.credentialOptions ?? parsed;
}

/** The message ids of a refused submission (the flow's and its nodes'). */
export const refusedIds = (body: { ui?: NativeFlow["ui"] }) => [
  ...(body.ui?.messages ?? []).map((m) => m.id),
  ...(body.ui?.nodes ?? []).flatMap((n) => ((n as { messages?: { id: number }[] }).messages ?? []).map((m) => m.id)),
];
