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
    return { ...page, flow: await getFlowForPage(page.ctx, kind, id) };
  } catch (error) {
    if (error instanceof AppError && ["not_found", "gone", "forbidden", "bad_request"].includes(error.code)) restart();
    throw error;
  }
}
