import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Icon } from "@/components/console/icons";
import { OAuth2Tabs } from "@/components/console/oauth2/oauth2-tabs";
import { PresetBadge } from "@/components/console/oauth2/preset-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { listClients } from "@/lib/oauth2/clients";
import { consoleOAuth2Context } from "@/lib/oauth2-console";
import { publicOrigin } from "@/app/_lib/console-auth";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { oauth2Path } from "./errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ page_token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("oauth2Console.clients"))("title")} · ${project.name}` };
}

const PAGE_SIZE = 50;

/** The project's OAuth2 clients: name, id, kind, grants, auth method; a new one from a preset. */
export default async function OAuth2ClientsPage({ params, searchParams }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const { page_token: pageToken } = await searchParams;
  const ctx = await consoleOAuth2Context(access, project.id, await publicOrigin());
  const [page, t, format] = await Promise.all([
    listClients(ctx, { pageSize: PAGE_SIZE, pageToken: pageToken?.slice(0, 1000) }),
    getTranslations("oauth2Console.clients"),
    getFormatter(),
  ]);
  const base = oauth2Path(project.id);
  const create = (
    <ButtonLink href={`${base}/clients/new`} size="sm">
      <Icon name="plus" className="h-4 w-4" />
      {t("create")}
    </ButtonLink>
  );

  return (
    <div>
      <OAuth2Tabs projectId={project.id} current="" />
      <Card aria-labelledby="clients-title">
        <CardHeader titleId="clients-title" title={t("title")} description={t("description")} actions={page.items.length ? create : undefined} />
        {page.items.length === 0 ? (
          <EmptyState icon={<Icon name="link" className="h-10 w-10" />} title={t("emptyTitle")} description={t("emptyDescription")} action={create} />
        ) : (
          <Table label={t("title")} data-testid="clients-table">
            <THead>
              <tr>
                <Th>{t("columns.client")}</Th>
                <Th>{t("columns.kind")}</Th>
                <Th>{t("columns.grants")}</Th>
                <Th>{t("columns.auth")}</Th>
                <Th>{t("columns.created")}</Th>
              </tr>
            </THead>
            <TBody>
              {page.items.map((client) => {
                const id = String(client.client_id);
                const grants = client.grant_types as string[];
                return (
                  <tr key={id}>
                    <Td className="max-w-xs">
                      <Link href={`${base}/clients/${encodeURIComponent(id)}`} className="block truncate font-medium text-brand-700 hover:underline dark:text-brand-100">
                        {String(client.client_name) || t("unnamed")}
                      </Link>
                      <code className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">{id}</code>
                    </Td>
                    <Td><PresetBadge client={client} /></Td>
                    <Td className="text-xs text-slate-700 dark:text-slate-300">{grants.map((g) => g.replace("urn:ietf:params:oauth:grant-type:", "")).join(", ")}</Td>
                    <Td><code className="font-mono text-xs">{String(client.token_endpoint_auth_method)}</code></Td>
                    <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{format.dateTime(new Date(String(client.created_at)), { dateStyle: "medium" })}</Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        )}
        {page.nextToken ? (
          <div className="flex justify-end border-t border-slate-200 px-5 py-3 dark:border-slate-800">
            <ButtonLink href={`${base}?page_token=${encodeURIComponent(page.nextToken)}`} variant="secondary" size="sm">{t("next")}</ButtonLink>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
