import { getMessage, listMessages, listMessagesQuery } from "@/lib/courier";
import { parseQuery } from "../body";
import { projectAdminRoute } from "../project-route";
import { ok } from "../respond";
import type { RouteDefinition } from "../types";

/** Kratos' courier admin API: `GET /admin/courier/messages[/{id}]`, paginated with page tokens (Link header). */
export const courierRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/p/:project/admin/courier/messages",
    handler: projectAdminRoute(async (ctx) => {
      const query = parseQuery(ctx.request, listMessagesQuery);
      const { messages, nextToken } = await listMessages(ctx.db, query);
      const headers: Record<string, string> = {};
      if (nextToken) {
        const next = new URL(ctx.request.url);
        next.search = "";
        for (const [key, value] of Object.entries({ ...query, page_token: nextToken })) if (value !== undefined) next.searchParams.set(key, String(value));
        headers.link = `<${next.pathname}${next.search}>; rel="next"`;
      }
      return ok(messages, headers);
    }),
  },
  {
    method: "GET",
    path: "/p/:project/admin/courier/messages/:id",
    handler: projectAdminRoute(async (ctx, params) => ok(await getMessage(ctx.db, params.id))),
  },
];
