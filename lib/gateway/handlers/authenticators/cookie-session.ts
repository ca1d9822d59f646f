import { z } from "zod";
import { readCookie, sessionSettings } from "@/lib/sessions";
import { defineHandler } from "../define";
import type { Authenticator } from "../../pipeline/types";
import { authenticateSessionToken, sessionPathsSchema } from "./session-common";

/**
 * `cookie_session`: the project's own browser session (its session cookie), checked locally. Not
 * responsible when the cookie is absent (or, with `only`, none of the listed cookies is present).
 */
export const cookieSessionAuthenticator = defineHandler(
  "cookie_session",
  z.object({ ...sessionPathsSchema, only: z.array(z.string().min(1).max(256)).max(32).optional() }).strict(),
  (config): Authenticator =>
    async (ctx) => {
      const cookies = ctx.request.header("cookie");
      if (!cookies) return "not_responsible";
      if (config.only?.length && !config.only.some((name) => readCookie(cookies, name) !== undefined)) return "not_responsible";
      const token = readCookie(cookies, sessionSettings(ctx.project).cookie.name);
      if (!token) return "not_responsible";
      return authenticateSessionToken(ctx, token, config);
    },
);
