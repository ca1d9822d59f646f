import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IdentityForm } from "@/components/console/identities/identity-form";
import { IdentityTabs } from "@/components/console/identities/identity-tabs";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { defaultSchemaId, findIdentitySchema, identitySchemas } from "@/lib/identity";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { traitFields } from "@/lib/identity-console/traits-form";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { createIdentityAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ schema?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("identities.create"))("title")} · ${project.name}` };
}

/** Create an identity: pick a schema (a GET form, so it works without scripts), then fill its traits. */
export default async function NewIdentityPage({ params, searchParams }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const ctx = await consoleServiceContext(access, project.id);
  const t = await getTranslations("identities.create");
  const schemas = identitySchemas(ctx.project);
  const wanted = (await searchParams).schema;
  const schema = (wanted && findIdentitySchema(ctx.project, wanted)) || findIdentitySchema(ctx.project, defaultSchemaId(ctx.project))!;
  const fields = traitFields(schema.schema);

  return (
    <div>
      <IdentityTabs projectId={project.id} current="" />
      <Card aria-labelledby="create-identity-title">
        <CardHeader titleId="create-identity-title" title={t("title")} description={t("description")} />
        <CardBody className="space-y-6">
          {schemas.length > 1 ? (
            <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <div className="flex-1 space-y-1.5">
                <label htmlFor="schema" className="block text-sm font-medium">
                  {t("schema")}
                </label>
                <Select id="schema" name="schema" defaultValue={schema.id}>
                  {schemas.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.id}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                {t("useSchema")}
              </Button>
            </form>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("schemaUsed", { schema: schema.id })}</p>
          )}
          <IdentityForm action={createIdentityAction.bind(null, project.id, schema.id)} mode="create" fields={fields} values={{}} state="active" />
        </CardBody>
      </Card>
    </div>
  );
}
