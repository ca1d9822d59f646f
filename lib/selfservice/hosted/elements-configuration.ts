import { resolveBranding } from "@/lib/branding";
import { flowSettings } from "../flows/config";
import { flowUrls } from "../flows/urls";
import type { FlowContext, FlowKind } from "../flows/types";

/**
 * Ory Network's `GET /elements/configuration` (`elementsConfiguration`): what `@ory/elements-react` reads to
 * render a project's cards — its name, logos, which flows are on and where their pages live. The Ory badge is
 * always hidden: these pages are not served by Ory.
 */
export function elementsConfiguration(ctx: FlowContext) {
  const urls = flowUrls(ctx);
  const settings = flowSettings(ctx.project.config);
  const branding = resolveBranding(ctx.project.config);
  const page = (kind: FlowKind | "error") => {
    const configured = settings.uiUrl(kind) ?? `/ui/${kind}`;
    return configured.startsWith("/") ? urls.base + configured : configured;
  };
  return {
    name: branding.display_name || ctx.project.name,
    registration_enabled: settings.enabled("registration"),
    hide_registration_link: !settings.enabled("registration"),
    verification_enabled: settings.enabled("verification"),
    recovery_enabled: settings.enabled("recovery"),
    login_ui_url: page("login"),
    registration_ui_url: page("registration"),
    recovery_ui_url: page("recovery"),
    verification_ui_url: page("verification"),
    settings_ui_url: page("settings"),
    error_ui_url: page("error"),
    default_redirect_url: urls.defaultReturn(),
    hide_ory_branding: true,
    ...(branding.logo_url ? { logo_light_url: branding.logo_url } : {}),
    ...(branding.logo_dark_url || branding.logo_url ? { logo_dark_url: branding.logo_dark_url || branding.logo_url } : {}),
  };
}

/** `GET /.well-known/change-password` (W3C "A Well-Known URL for Changing Passwords"): where the settings page is. */
export function changePasswordUrl(ctx: FlowContext): string {
  return flowUrls(ctx).browserStart("settings");
}
