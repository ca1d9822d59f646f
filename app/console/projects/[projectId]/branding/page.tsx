import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BrandingEditor } from "@/components/console/branding/branding-editor";
import { CopyField } from "@/components/console/copy-field";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { resolveBranding } from "@/lib/branding";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { publicOrigin } from "@/app/_lib/console-auth";
import { saveBrandingAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("branding"))("title")} · ${project.name}` };
}

/** The theme of the project's hosted pages, with a live preview of the login page under it. */
export default async function BrandingPage({ params }: Props) {
  const { project } = await loadConsoleProject((await params).projectId);
  const t = await getTranslations("branding");
  const loginUrl = `${await publicOrigin()}/p/${project.slug}/ui/login`;
  return (
    <Card aria-labelledby="branding-title">
      <CardHeader titleId="branding-title" title={t("title")} description={t("description")} />
      <CardBody className="space-y-6">
        <div className="space-y-1">
          <p className="text-sm font-medium">{t("hostedUrl")}</p>
          <CopyField value={loginUrl} copyLabel={t("copyUrl")} />
        </div>
        <BrandingEditor action={saveBrandingAction.bind(null, project.id)} initial={resolveBranding(project.config)} projectName={project.name} />
      </CardBody>
    </Card>
  );
}
