import type { OAuth2Context } from "@/lib/oauth2/context";
import type { PipelineContext } from "../../pipeline/types";

/** The OAuth2 module's context for a gateway request: the project's own provider, issuer = project base URL. */
export async function oauth2ContextOf(ctx: PipelineContext): Promise<OAuth2Context> {
  const request = ctx.request;
  return {
    project: ctx.project,
    db: await ctx.db(),
    now: ctx.now,
    request: { header: (name) => request.header(name), url: request.url, ip: request.ip },
    actor: { type: "anonymous" },
    issuer: ctx.baseUrl,
  };
}
