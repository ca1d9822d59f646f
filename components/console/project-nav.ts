import type { IconName } from "./icons";

export interface ProjectNavItem {
  /** Path below /console/projects/{projectId}; "" is the overview. */
  segment: string;
  /** Full next-intl key (namespace included), e.g. "console.nav.apiKeys" or "identities.nav.title". */
  labelKey: string;
  icon: IconName;
}

/**
 * The project section navigation, in display order: THE one place to add a project page to the console.
 * Add an entry here and put the page at app/console/projects/[projectId]/<segment>/page.tsx.
 */
export const projectNav: ProjectNavItem[] = [
  { segment: "", labelKey: "console.nav.overview", icon: "home" },
  { segment: "identities", labelKey: "identities.nav.title", icon: "identity" },
  { segment: "authentication", labelKey: "authentication.nav.title", icon: "shield" },
  { segment: "oauth2", labelKey: "oauth2Console.nav.title", icon: "link" },
  { segment: "branding", labelKey: "branding.nav.title", icon: "palette" },
  { segment: "courier", labelKey: "courier.nav.title", icon: "mail" },
  { segment: "api-keys", labelKey: "console.nav.apiKeys", icon: "key" },
  { segment: "service-keys", labelKey: "console.nav.serviceKeys", icon: "key" },
  { segment: "members", labelKey: "console.nav.members", icon: "users" },
  { segment: "permissions", labelKey: "permissions.nav.title", icon: "shield" },
  { segment: "gateway", labelKey: "gateway.nav.title", icon: "lock" },
  { segment: "audit", labelKey: "console.nav.audit", icon: "list" },
];

export function projectNavHref(projectId: string, segment: string): string {
  const base = `/console/projects/${encodeURIComponent(projectId)}`;
  return segment ? `${base}/${segment}` : base;
}
