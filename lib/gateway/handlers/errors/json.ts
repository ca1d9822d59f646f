import { z } from "zod";
import { defineHandler } from "../define";
import type { GatewayError } from "../../pipeline/errors";
import type { ErrorResponse } from "../../pipeline/types";
import { compileWhen, whenSchema } from "./when";

export function jsonErrorResponse(error: GatewayError, verbose: boolean): ErrorResponse {
  const body = { error: { code: error.status, status: error.statusText, message: error.message, ...(verbose && error.reason ? { reason: error.reason } : {}) } };
  return { status: error.status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }, body: JSON.stringify(body) };
}

/** `json`: the error as Oathkeeper's JSON (`{"error":{"code","status","message"}}`; `reason` when verbose). */
export const jsonErrorHandler = defineHandler(
  "json",
  z.object({ verbose: z.boolean().default(false), when: whenSchema }).strict(),
  (config) => ({
    applies: compileWhen(config.when),
    respond: (_ctx: unknown, error: GatewayError) => jsonErrorResponse(error, config.verbose),
  }),
);
