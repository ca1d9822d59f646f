import { createHash } from "node:crypto";
import { z } from "zod";
import { TtlCache } from "@/lib/core/ttl-cache";
import { defineHandler, durationMs, durationSchema, httpUrl } from "../define";
import { internalError } from "../../pipeline/errors";
import type { Mutator } from "../../pipeline/types";
import { postJson } from "../outbound";
import { sessionJson } from "../template-data";
import { isHeaderName, RESERVED_HEADERS, sanitizeHeaderValue } from "../../template/sanitize";
import { isPlainObject } from "../../template/values";

const answers = new TtlCache<string, { extra: Record<string, unknown>; header: Record<string, string> }>(60_000, 20_000);

/**
 * `hydrator`: POSTs the authentication session (Oathkeeper's JSON) to `api.url` and takes `extra` and
 * `header` from the answer; the answer may not change the subject. With `cache.enabled`, answers are kept
 * for `cache.ttl` (≤ 60 s), keyed by project and the whole session sent.
 */
export const hydratorMutator = defineHandler(
  "hydrator",
  z
    .object({
      api: z
        .object({
          url: httpUrl,
          auth: z.object({ basic: z.object({ username: z.string().max(256), password: z.string().max(1024) }).strict() }).strict().optional(),
          retry: z.object({ give_up_after: durationSchema.optional(), max_delay: durationSchema.optional() }).strict().optional(),
        })
        .strict(),
      cache: z.object({ enabled: z.boolean().default(false), ttl: durationSchema.default("10s") }).strict().optional(),
    })
    .strict(),
  (config): Mutator => {
    const timeoutMs = Math.min(durationMs(config.api.retry?.give_up_after, 3_000), 30_000);
    const cacheMs = config.cache?.enabled ? Math.min(durationMs(config.cache.ttl, 10_000), 60_000) : 0;
    const basic = config.api.auth?.basic;
    const headers: Record<string, string> = basic ? { authorization: `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString("base64")}` } : {};
    return async (ctx, session) => {
      const body = JSON.stringify(sessionJson(session));
      const key = cacheMs ? `${ctx.project.id}|${config.api.url}|${createHash("sha256").update(body).digest("base64url")}` : "";
      let answer = cacheMs ? answers.get(key) : undefined;
      if (!answer) {
        const response = await postJson(config.api.url, body, headers, timeoutMs);
        if (response.status !== 200) throw internalError(`The hydrator answered ${response.status}.`);
        answer = parseAnswer(response.body, session.subject);
        if (cacheMs) answers.set(key, answer, Date.now(), cacheMs);
      }
      session.extra = answer.extra;
      Object.assign(session.header, answer.header);
    };
  },
);

function parseAnswer(text: string, subject: string): { extra: Record<string, unknown>; header: Record<string, string> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw internalError("The hydrator's answer is not JSON.");
  }
  if (!isPlainObject(parsed)) throw internalError("The hydrator's answer is not an authentication session.");
  if (parsed.subject !== undefined && parsed.subject !== subject) throw internalError("The hydrator may not change the subject.");
  const header: Record<string, string> = {};
  if (isPlainObject(parsed.header)) {
    for (const [name, value] of Object.entries(parsed.header)) {
      if (!isHeaderName(name) || RESERVED_HEADERS.has(name.toLowerCase())) continue;
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === "string") header[name] = sanitizeHeaderValue(first);
    }
  }
  return { extra: isPlainObject(parsed.extra) ? parsed.extra : {}, header };
}
