import { configAt } from "@/lib/courier";
import { originOf, projectBaseUrl } from "@/lib/request-origin";
import type { FlowContext } from "../../flows/types";

/** The relying party of a project (WebAuthn L2 §5.1.3 / §5.1.4): the one origin its pages run on, that host as RP ID. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

const METHODS = ["services", "identity", "config", "selfservice", "methods"] as const;

/**
 * The project's relying party, from the one request-origin module: the origin of the project's base URL as this request
 * reached it (`{slug}.{BASE_DOMAIN}`, a custom domain, or the install's host with `/p/{slug}`), never a host the
 * install does not serve. Path-based projects share that host, hence that RP ID: credentials are therefore bound to
 * the project in storage (lib/selfservice/README.md, "WebAuthn and passkeys"). The name devices show is Kratos'
 * `selfservice.methods.<method>.config.rp.display_name` (the passkey one for both), else the project's name.
 */
export function relyingParty(ctx: Pick<FlowContext, "project" | "request">, method: "webauthn" | "passkey"): RelyingParty {
  const origin = new URL(projectBaseUrl(ctx.project.slug, originOf(ctx.request))).origin;
  const named = (m: string) => configAt(ctx.project.config, [...METHODS, m, "config", "rp", "display_name"]);
  const configured = [named(method), named("passkey")].find((value): value is string => typeof value === "string" && value.trim() !== "");
  return { id: new URL(origin).hostname, origin, name: (configured ?? ctx.project.name).trim().slice(0, 100) };
}
