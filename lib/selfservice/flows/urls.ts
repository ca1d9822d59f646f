import { projectBaseUrl } from "@/lib/identity";
import { flowSettings } from "./config";
import type { FlowContext, FlowKind } from "./types";

/** Where things live for this project and request: the hosted UI (or the project's configured UI URLs). */
export function flowUrls(ctx: FlowContext) {
  const base = projectBaseUrl(ctx);
  const settings = flowSettings(ctx.project.config);
  // Configured UI URLs may be relative to the project base URL ("/ui/login"), as in the default config.
  const resolve = (url: string) => (url.startsWith("/") ? base + url : url);
  const withParam = (url: string, name: string, value: string) => {
    const target = new URL(resolve(url), base);
    target.searchParams.set(name, value);
    return target.toString();
  };
  return {
    base,
    /** The page rendering a flow: `selfservice.flows.<kind>.ui_url` or `{base}/ui/<kind>`, with `?flow=<id>`. */
    ui: (kind: FlowKind, flowId: string) => withParam(settings.uiUrl(kind) ?? `${base}/ui/${kind}`, "flow", flowId),
    /** The error page, `?id=<error id>`. */
    error: (errorId: string) => withParam(settings.uiUrl("error") ?? `${base}/ui/error`, "id", errorId),
    /** Where a finished browser flow lands without return_to. */
    defaultReturn: (kind?: FlowKind) => resolve(settings.defaultReturnUrl(kind) ?? `${base}/ui/welcome`),
    /** The form action of a flow: `{base}/self-service/<kind>?flow=<id>`. */
    action: (kind: FlowKind, flowId: string) => `${base}/self-service/${kind}?flow=${flowId}`,
    browserStart: (kind: FlowKind, query: Record<string, string | undefined> = {}) => {
      const url = new URL(`${base}/self-service/${kind}/browser`);
      for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
      return url.toString();
    },
  };
}
export type FlowUrls = ReturnType<typeof flowUrls>;
