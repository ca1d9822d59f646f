import { z } from "zod";
import { sanitizeHeaderValue } from "../../template/sanitize";
import { compileTemplates, defineHandler } from "../define";
import type { Mutator } from "../../pipeline/types";
import { templateData } from "../template-data";
import { headerMapSchema } from "./header-map";

/**
 * `header`: sets headers from templates, e.g. `X-User-Id: {{ print .Subject }}`. Rendered values lose CR,
 * LF and other controls (template/sanitize.ts), so no template output can start another header.
 */
export const headerMutator = defineHandler(
  "header",
  z.object({ headers: headerMapSchema }).strict(),
  (config): Mutator => {
    const templates = compileTemplates(config.headers);
    return async (ctx, session) => {
      const data = templateData(session, ctx.request);
      for (const [name, template] of Object.entries(templates)) session.header[name] = sanitizeHeaderValue(template.render(data));
    };
  },
);
