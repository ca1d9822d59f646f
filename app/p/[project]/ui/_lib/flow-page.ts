import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/core/errors";
import { getFlowForPage, type FlowKind, type OryFlow } from "@/lib/selfservice";
import { selfServiceBrowserPath } from "@/lib/selfservice/ui";
import { loadHostedPage, type HostedPage, type SearchParams } from "./page-context";

export interface FlowPage extends HostedPage {
  flow: OryFlow;
}

/**
 * A hosted page's flow, read server-side by its `?flow=` id. Without an id, or when the flow is unknown,
 * expired (410) or belongs to another session (403), the browser goes to `/self-service/<kind>/browser`
 * to start a fresh one, keeping return_to, refresh, aal and login_challenge — as Kratos' own UI does.
 */
export async function loadFlowPage(kind: FlowKind, slug: string, searchParams: SearchParams): Promise<FlowPage> {
  const page = await loadHostedPage(slug, kind, searchParams);
  const restart = () => redirect(selfServiceBrowserPath(slug, kind, page.query));
  const id = page.query.get("flow");
  if (!id) restart();
  try {
    return { ...page, flow: withScriptNonce(await getFlowForPage(page.ctx, kind, id), await headers()) };
  } catch (error) {
    if (error instanceof AppError && ["not_found", "gone", "forbidden", "bad_request"].includes(error.code)) restart();
    throw error;
  }
}

/**
 * Script nodes (Ory's webauthn.js) get this response's CSP nonce: the hosted pages allow only scripts carrying it
 * ('strict-dynamic'), and the nonce is per response, so the stored flow cannot know it.
 */
function withScriptNonce(flow: OryFlow, requestHeaders: Headers): OryFlow {
  const nonce = /'nonce-([^']+)'/.exec(requestHeaders.get("content-security-policy") ?? "")?.[1];
  if (!nonce) return flow;
  for (const node of flow.ui.nodes) if (node.attributes.node_type === "script") node.attributes.nonce = nonce;
  return flow;
}
