import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IdentityTabs } from "@/components/console/identities/identity-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { defaultSchemaId, identitySchemas } from "@/lib/identity";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { traitFields } from "@/lib/identity-console/traits-form";
import { loadConsoleProject } from "@/app/_lib/project-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("identities.schemas"))("title")} · ${project.name}` };
}

/** The project's identity schemas: their traits at a glance and the full JSON Schema. */
export default async function SchemasPage({ params }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const ctx = await consoleServiceContext(access, project.id);
  const t = await getTranslations("identities.schemas");
  const defaultId = defaultSchemaId(ctx.project);

  return (
    <div>
      <IdentityTabs projectId={project.id} current="schemas" />
      <div className="space-y-6">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("description", { path: "/services/identity/config/identity/schemas" })}</p>
        {identitySchemas(ctx.project).map((entry) => {
          const fields = traitFields(entry.schema);
          const headingId = `schema-${entry.id.replace(/[^a-z0-9]/gi, "-")}`;
          return (
            <Card key={entry.id} aria-labelledby={headingId}>
              <CardHeader
                titleId={headingId}
                title={<code className="font-mono">{entry.id}</code>}
                description={typeof entry.schema.title === "string" ? entry.schema.title : undefined}
                actions={entry.id === defaultId ? <Badge tone="info">{t("default")}</Badge> : null}
              />
              <CardBody className="space-y-4">
                <ul className="flex flex-wrap gap-2" aria-label={t("traits")}>
                  {fields.map((field) => (
                    <li key={field.name}>
                      <Badge tone={field.required ? "info" : "neutral"}>
                        {field.label} · {field.type}
                        {field.required ? ` · ${t("required")}` : ""}
                      </Badge>
                    </li>
                  ))}
                </ul>
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">{t("showJson")}</summary>
                  <pre className="mt-3 max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950" tabIndex={0}>
                    {JSON.stringify(entry.schema, null, 2)}
                  </pre>
                </details>
              </CardBody>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
