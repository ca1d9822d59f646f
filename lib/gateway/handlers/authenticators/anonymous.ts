import { z } from "zod";
import { defineHandler } from "../define";
import type { Authenticator } from "../../pipeline/types";

/** `anonymous`: a request without an Authorization header becomes the configured subject ("anonymous"). */
export const anonymousAuthenticator = defineHandler(
  "anonymous",
  z.object({ subject: z.string().max(256).default("anonymous") }).strict(),
  (config): Authenticator =>
    async (ctx) => (ctx.request.header("authorization") ? "not_responsible" : { subject: config.subject, extra: {} }),
);
