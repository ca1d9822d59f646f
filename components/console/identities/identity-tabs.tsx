import { getTranslations } from "next-intl/server";
import { SectionTabs } from "../section-tabs";

const tabs = [
  { segment: "", key: "list" },
  { segment: "schemas", key: "schemas" },
  { segment: "settings", key: "settings" },
] as const;

/** Sub-navigation of the identities area: list, schemas, password and session settings. */
export async function IdentityTabs({ projectId, current }: { projectId: string; current: (typeof tabs)[number]["segment"] }) {
  const t = await getTranslations("identities.tabs");
  const base = `/console/projects/${encodeURIComponent(projectId)}/identities`;
  return <SectionTabs label={t("label")} base={base} current={current} tabs={tabs.map((tab) => ({ segment: tab.segment, label: t(tab.key) }))} />;
}
