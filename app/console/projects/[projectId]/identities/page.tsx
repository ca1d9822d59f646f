import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Icon } from "@/components/console/icons";
import { IdentitySearch } from "@/components/console/identities/identity-search";
import { IdentityStateBadge } from "@/components/console/identities/state-badge";
import { IdentityTabs } from "@/components/console/identities/identity-tabs";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { listIdentities, searchIdentities } from "@/lib/identity";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { summarizeIdentity } from "@/lib/identity-console/summary";
import { loadConsoleProject } from "@/app/_lib/project-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ q?: string; page_token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("identities.list"))("title")} · ${project.name}` };
}

const PAGE_SIZE = 25;

/** Identities of the project: search by email or name (our trait index), keyset pages otherwise. */
export default async function IdentitiesPage({ params, searchParams }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const { q = "", page_token: pageToken } = await searchParams;
  const query = q.trim().slice(0, 200);
  const ctx = await consoleServiceContext(access, project.id);
  const [t, format] = await Promise.all([getTranslations("identities.list"), getFormatter()]);
  const page = query
    ? { identities: await searchIdentities(ctx, query, 100), nextPageToken: undefined }
    : await listIdentities(ctx, { pageSize: PAGE_SIZE, pageToken: pageToken?.slice(0, 512) });
  const rows = page.identities.map(summarizeIdentity);
  const base = `/console/projects/${project.id}/identities`;

  return (
    <div>
      <IdentityTabs projectId={project.id} current="" />
      <Card aria-labelledby="identities-title">
        <CardHeader
          titleId="identities-title"
          title={t("title")}
          description={t("description")}
          actions={
            <ButtonLink href={`${base}/new`} size="sm">
              <Icon name="plus" className="h-4 w-4" />
              {t("create")}
            </ButtonLink>
          }
        />
        <div className="border-b border-slate-200 px-5 py-4 dark:border-slate-800">
          <IdentitySearch query={query} />
        </div>
        {rows.length === 0 ? (
          <EmptyState
            icon={<Icon name="identity" className="h-10 w-10" />}
            title={query ? t("noResults", { query }) : t("emptyTitle")}
            description={query ? undefined : t("emptyDescription")}
          />
        ) : (
          <Table label={t("title")} data-testid="identities-table">
            <THead>
              <tr>
                <Th>{t("columns.identity")}</Th>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.state")}</Th>
                <Th>{t("columns.created")}</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td className="max-w-xs">
                    <Link href={`${base}/${row.id}`} className="block truncate font-medium text-brand-700 hover:underline dark:text-brand-100">
                      {row.label}
                    </Link>
                    <code className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">{row.id}</code>
                  </Td>
                  <Td>{row.name ?? <span className="text-slate-500">—</span>}</Td>
                  <Td><IdentityStateBadge state={row.state} verified={row.verified} /></Td>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{format.dateTime(row.createdAt, { dateStyle: "medium" })}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        {page.nextPageToken ? (
          <div className="flex justify-end border-t border-slate-200 px-5 py-3 dark:border-slate-800">
            <ButtonLink href={`${base}?page_token=${encodeURIComponent(page.nextPageToken)}`} variant="secondary" size="sm">
              {t("next")}
            </ButtonLink>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
