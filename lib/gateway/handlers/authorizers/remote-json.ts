import { z } from "zod";
import { compileTemplate } from "../../template";
import { sanitizeHeaderValue } from "../../template/sanitize";
import { compileTemplates, defineHandler, durationMs, durationSchema, httpUrl, templateString } from "../define";
import { forbiddenError, internalError } from "../../pipeline/errors";
import type { Authorizer } from "../../pipeline/types";
import { postJson } from "../outbound";
import { templateData } from "../template-data";
import { headerMapSchema, headerNameSchema } from "../mutators/header-map";

/**
 * `remote_json`: POSTs a templated JSON payload to `remote`; 200 allows, 403 forbids, anything else is an
 * error (Oathkeeper's semantics). `forward_response_headers_to_upstream` copies answer headers upstream.
 */
export const remoteJsonAuthorizer = defineHandler(
  "remote_json",
  z
    .object({
      remote: httpUrl,
      payload: templateString(8192),
      headers: headerMapSchema.optional(),
      forward_response_headers_to_upstream: z.array(headerNameSchema).max(32).default([]),
      retry: z.object({ give_up_after: durationSchema.optional(), max_delay: durationSchema.optional() }).strict().optional(),
    })
    .strict(),
  (config): Authorizer => {
    const payload = compileTemplate(config.payload);
    const headers = compileTemplates(config.headers ?? {});
    const timeoutMs = Math.min(durationMs(config.retry?.give_up_after, 3_000), 30_000);
    return async (ctx, session) => {
      const data = templateData(session, ctx.request);
      const body = payload.render(data);
      try {
        JSON.parse(body);
      } catch {
        throw internalError("The remote_json payload template did not render valid JSON.");
      }
      const rendered = Object.fromEntries(Object.entries(headers).map(([name, t]) => [name, sanitizeHeaderValue(t.render(data))]));
      const response = await postJson(config.remote, body, rendered, timeoutMs);
      if (response.status === 403) throw forbiddenError("The remote authorizer forbade the request.");
      if (response.status !== 200) throw internalError(`The remote authorizer answered ${response.status}.`);
      for (const name of config.forward_response_headers_to_upstream) {
        const value = response.headers.get(name);
        if (value !== null) session.header[name] = sanitizeHeaderValue(value);
      }
    };
  },
);
