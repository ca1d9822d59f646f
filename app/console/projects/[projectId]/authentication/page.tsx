import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthenticationForm } from "@/components/console/authentication/authentication-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { readAuthenticationSettings } from "@/lib/identity-console/authentication-settings";
import { readPasswordlessSettings } from "@/lib/identity-console/passwordless-settings";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { methodUsage } from "@/lib/identity-console/method-usage";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { saveAuthenticationSettingsAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("authentication"))("title")} · ${project.name}` };
}

/** Which sign-in methods a project offers, how much assurance it requires, and which methods its identities use. */
export default async function AuthenticationPage({ params }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const t = await getTranslations("authentication");
  const usage = await methodUsage((await consoleServiceContext(access, project.id)).db);
  return (
    <Card aria-labelledby="authentication-title">
      <CardHeader titleId="authentication-title" title={t("title")} description={t("description")} />
      <CardBody>
        <AuthenticationForm action={saveAuthenticationSettingsAction.bind(null, project.id)} current={readAuthenticationSettings(project.config)} passwordless={readPasswordlessSettings(project.config)} usage={usage} />
      </CardBody>
    </Card>
  );
}
