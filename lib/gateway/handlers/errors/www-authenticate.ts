import { z } from "zod";
import { defineHandler } from "../define";
import type { GatewayError } from "../../pipeline/errors";
import type { ErrorResponse } from "../../pipeline/types";
import { compileWhen, whenSchema } from "./when";

/** `www_authenticate`: 401 with `WWW-Authenticate: Basic realm="…"` (RFC 7617 §2), so browsers prompt. */
export const wwwAuthenticateErrorHandler = defineHandler(
  "www_authenticate",
  // eslint-disable-next-line no-control-regex -- the realm is quoted into a header: controls are refused
  z.object({ realm: z.string().max(256).regex(/^[^"\\\u0000-\u001f\u007f]*$/, "must not contain quotes, backslashes or controls").default("Please authenticate."), when: whenSchema }).strict(),
  (config) => ({
    applies: compileWhen(config.when),
    respond: (_ctx: unknown, _error: GatewayError): ErrorResponse => ({
      status: 401,
      headers: { "www-authenticate": `Basic realm="${config.realm}"`, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      body: "Unauthorized",
    }),
  }),
);
