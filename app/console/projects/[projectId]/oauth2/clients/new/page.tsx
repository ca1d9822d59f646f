import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateClientForm } from "@/components/console/oauth2/create-client-form";
import { OAuth2Tabs } from "@/components/console/oauth2/oauth2-tabs";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { oauth2Path } from "../../errors";
import { createClientAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("oauth2Console.create"))("title")} · ${project.name}` };
}

/** A new OAuth2 client from a preset; everything else is editable on the client's page afterwards. */
export default async function NewClientPage({ params }: Props) {
  const { project } = await loadConsoleProject((await params).projectId);
  const t = await getTranslations("oauth2Console.create");
  return (
    <div>
      <OAuth2Tabs projectId={project.id} current="" />
      <Card aria-labelledby="new-client-title">
        <CardHeader titleId="new-client-title" title={t("title")} description={t("description")} />
        <CardBody>
          <CreateClientForm action={createClientAction.bind(null, project.id)} clientsPath={oauth2Path(project.id, "/clients")} />
        </CardBody>
      </Card>
    </div>
  );
}
