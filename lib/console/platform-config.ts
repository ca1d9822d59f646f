import { defaultProjectConfig, type ProjectConfig } from "@/lib/projects";

/** The Portcullis mark (components/brand/logo.tsx) as an SVG data URL: the branding schema takes no relative URLs. */
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="2" y="2" width="28" height="28" rx="7" fill="#2853e0"/>' +
  '<path d="M8 9h16M8 15h16M8 21h16M11 7v19M16 7v19M21 7v19" stroke="#fff" stroke-width="2" stroke-linecap="round"/>' +
  '<path d="M9 26l2-2 2 2 3-2 3 2 2-2 2 2" stroke="#fff" stroke-width="1.6" fill="none" stroke-linejoin="round"/></svg>';
const LOGO_URL = `data:image/svg+xml;base64,${Buffer.from(LOGO_SVG).toString("base64")}`;

type Json = Record<string, unknown>;

/**
 * The platform project's configuration: the default one, except that nobody signs up (console users are made by
 * the setup and by workspace owners), a finished flow without return_to lands in the console (through the
 * handoff), console sessions and identity sessions last equally long, and the pages wear the console's look.
 */
export function platformProjectConfig(): ProjectConfig {
  const config = defaultProjectConfig();
  const identity = config.services.identity.config as Json;
  const selfservice = identity.selfservice as Json;
  const flows = selfservice.flows as Json;
  selfservice.default_browser_return_url = "/ui/console-handoff";
  flows.registration = { ...(flows.registration as Json), enabled: false };
  identity.session = { ...(identity.session as Json), lifespan: "24h", earliest_possible_extend: "24h" };
  identity.courier = { ...(identity.courier as Json), smtp: { from_address: "no-reply@portcullis.local", from_name: "Portcullis", headers: {} } };
  config.services.account_experience = {
    config: { branding: { display_name: "Portcullis", logo_url: LOGO_URL, logo_dark_url: LOGO_URL, mode: "auto" } },
  };
  return config;
}
