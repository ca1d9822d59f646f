import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OAuth2SettingsForm } from "@/components/console/oauth2/oauth2-settings-form";
import { OAuth2Tabs } from "@/components/console/oauth2/oauth2-tabs";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { readOAuth2SettingsForm } from "@/lib/oauth2-console";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { saveOAuth2SettingsAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("oauth2Console.settings"))("title")} · ${project.name}` };
}

/** The OAuth2 provider's project settings (Hydra's config keys under services.oauth2.config). */
export default async function OAuth2SettingsPage({ params }: Props) {
  const { project } = await loadConsoleProject((await params).projectId);
  const t = await getTranslations("oauth2Console.settings");
  return (
    <div>
      <OAuth2Tabs projectId={project.id} current="settings" />
      <Card aria-labelledby="oauth2-settings-title">
        <CardHeader titleId="oauth2-settings-title" title={t("title")} description={t("description", { revision: project.revision })} />
        <CardBody>
          <OAuth2SettingsForm action={saveOAuth2SettingsAction.bind(null, project.id)} current={readOAuth2SettingsForm(project.config)} revisionId={project.revisionId} />
        </CardBody>
      </Card>
    </div>
  );
}
