import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IdentitySettingsForm } from "@/components/console/identities/identity-settings-form";
import { IdentityTabs } from "@/components/console/identities/identity-tabs";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { readIdentitySettings } from "@/lib/identity-console/identity-settings";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { saveIdentitySettingsAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("identities.settings"))("title")} · ${project.name}` };
}

/** Password policy and session settings of the project (Kratos' config, edited through the projects service). */
export default async function IdentitySettingsPage({ params }: Props) {
  const { project } = await loadConsoleProject((await params).projectId);
  const t = await getTranslations("identities.settings");
  return (
    <div>
      <IdentityTabs projectId={project.id} current="settings" />
      <Card aria-labelledby="identity-settings-title">
        <CardHeader titleId="identity-settings-title" title={t("title")} description={t("description")} />
        <CardBody>
          <IdentitySettingsForm action={saveIdentitySettingsAction.bind(null, project.id)} current={readIdentitySettings(project.config)} />
        </CardBody>
      </Card>
    </div>
  );
}
