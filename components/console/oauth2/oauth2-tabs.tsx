import { getTranslations } from "next-intl/server";
import { SectionTabs } from "../section-tabs";

const tabs = [
  { segment: "", key: "clients" },
  { segment: "keys", key: "keys" },
  { segment: "consent", key: "consent" },
  { segment: "settings", key: "settings" },
] as const;

/** Sub-navigation of the OAuth2 area: clients, signing keys, consent sessions, settings. */
export async function OAuth2Tabs({ projectId, current }: { projectId: string; current: (typeof tabs)[number]["segment"] }) {
  const t = await getTranslations("oauth2Console.tabs");
  const base = `/console/projects/${encodeURIComponent(projectId)}/oauth2`;
  return <SectionTabs label={t("label")} base={base} current={current} tabs={tabs.map((tab) => ({ segment: tab.segment, label: t(tab.key) }))} />;
}
