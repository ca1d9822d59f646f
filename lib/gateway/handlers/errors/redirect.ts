import { z } from "zod";
import { defineHandler, absoluteHttpUrl } from "../define";
import type { GatewayError } from "../../pipeline/errors";
import type { ErrorResponse, PipelineContext } from "../../pipeline/types";
import { compileWhen, whenSchema } from "./when";

/**
 * `redirect`: sends the browser elsewhere, by default to the project's hosted login (`{base}/ui/login`)
 * with `return_to` set to the URL it asked for, so it comes back after signing in. An explicit `to`
 * adds the original URL only when `return_to_query_param` is set (Oathkeeper's behaviour). On the forwarding path's
 * path mapping the URL is the one the browser used, `/p/{slug}/gateway` prefix included, so it can come back.
 */
export const redirectErrorHandler = defineHandler(
  "redirect",
  z
    .object({
      to: absoluteHttpUrl.optional(),
      code: z.union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)]).default(302),
      return_to_query_param: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/).optional(),
      when: whenSchema,
    })
    .strict(),
  (config) => ({
    applies: compileWhen(config.when),
    respond: (ctx: PipelineContext, _error: GatewayError): ErrorResponse => {
      const target = new URL(config.to ?? `${ctx.baseUrl}/ui/login`);
      const param = config.return_to_query_param ?? (config.to ? undefined : "return_to");
      if (param) target.searchParams.set(param, (ctx.request.browserUrl ?? ctx.request.url).toString());
      return { status: config.code, headers: { location: target.toString(), "cache-control": "no-store" } };
    },
  }),
);
