import { changePasswordUrl, elementsConfiguration } from "@/lib/selfservice";
import { projectRoute } from "../project-route";
import { ok } from "../respond";
import type { RouteDefinition } from "../types";

/** What Ory's account experience and Ory Elements read from a project besides the flows themselves. */
export const accountExperienceRoutes: RouteDefinition[] = [
  { method: "GET", path: "/p/:project/elements/configuration", handler: projectRoute(async (ctx) => ok(elementsConfiguration(ctx))) },
  {
    method: "GET",
    path: "/p/:project/.well-known/change-password",
    // Ory answers 303 See Other (getWellKnownChangePassword); the W3C draft allows any redirect.
    handler: projectRoute(async (ctx) => ({ status: 303, headers: { location: changePasswordUrl(ctx), "cache-control": "no-store" } })),
  },
];
