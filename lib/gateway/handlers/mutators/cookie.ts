import { z } from "zod";
import { sanitizeCookieValue } from "../../template/sanitize";
import { compileTemplates, defineHandler } from "../define";
import type { Mutator } from "../../pipeline/types";
import { templateData } from "../template-data";
import { cookieMapSchema } from "./header-map";

/**
 * `cookie`: sets cookies for the upstream from templates. They replace any cookie of the same name the client
 * sent (the others are kept); values are percent-encoded where RFC 6265 §4.1.1 forbids the octet.
 */
export const cookieMutator = defineHandler(
  "cookie",
  z.object({ cookies: cookieMapSchema }).strict(),
  (config): Mutator => {
    const templates = compileTemplates(config.cookies);
    const names = new Set(Object.keys(templates));
    return async (ctx, session) => {
      const data = templateData(session, ctx.request);
      const kept = (session.header.Cookie ?? ctx.request.header("cookie") ?? "")
        .split(";")
        .map((part) => part.trim())
        .filter((part) => part && !names.has(part.slice(0, part.indexOf("=") < 0 ? part.length : part.indexOf("="))));
      const set = Object.entries(templates).map(([name, template]) => `${name}=${sanitizeCookieValue(template.render(data))}`);
      session.header.Cookie = [...kept, ...set].join("; ");
    };
  },
);
