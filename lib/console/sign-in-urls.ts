import { safeConsoleReturnTo } from "./return-to";
import { PLATFORM_PROJECT_SLUG } from "./platform-project";

const HOME = "/console";

/**
 * Where the platform project's login sends the browser back to: the handoff, which lives under the project's
 * path because its session cookie is scoped to `/p/{slug}` and never reaches /console.
 */
export function consoleHandoffPath(returnTo?: string): string {
  const target = safeConsoleReturnTo(returnTo);
  const base = `/p/${PLATFORM_PROJECT_SLUG}/ui/console-handoff`;
  return target === HOME ? base : `${base}?return_to=${encodeURIComponent(target)}`;
}

/** The hosted login of the platform project, coming back through the handoff to `returnTo` (a console path). */
export function consoleSignInUrl(returnTo?: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...query, return_to: consoleHandoffPath(returnTo) });
  return `/p/${PLATFORM_PROJECT_SLUG}/ui/login?${params}`;
}

/** The console user's own account (email, name, password) on the platform project's settings page. */
export function consoleAccountUrl(): string {
  return `/p/${PLATFORM_PROJECT_SLUG}/ui/settings?${new URLSearchParams({ return_to: consoleHandoffPath() })}`;
}
