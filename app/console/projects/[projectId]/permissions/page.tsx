import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { CheckPlayground } from "@/components/console/permissions/check-playground";
import { DeleteRelationship } from "@/components/console/permissions/delete-relationship";
import { NamespaceGraph } from "@/components/console/permissions/namespace-graph";
import { ObjectGraph, ObjectPicker } from "@/components/console/permissions/object-graph";
import { OplEditor } from "@/components/console/permissions/opl-editor";
import { RelationshipFilters } from "@/components/console/permissions/relationship-filters";
import { RelationshipForm } from "@/components/console/permissions/relationship-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { browseRelationships, layoutObjectGraph, objectRelationships, permissionOverview, STARTER_MODELS } from "@/lib/permissions-console";
import { formatSubject } from "@/lib/permissions/tuples";
import { parseSubject } from "@/lib/permissions/tuple-string";
import { checkAction, saveOplAction } from "./actions";
import { addRelationshipAction, deleteRelationshipAction } from "./relationship-actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("permissions"))("title")} · ${project.name}` };
}

/**
 * Permissions: the OPL editor (with starter models when empty), the namespace graph, a check playground that
 * explains, forms to add and delete relationships, the relationship browser and one object's relationship graph.
 */
export default async function PermissionsPage({ params, searchParams }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const query = await searchParams;
  const t = await getTranslations("permissions");
  const overview = await permissionOverview(access, project.id);
  const filter = {
    namespace: query.namespace || undefined,
    object: query.object || undefined,
    relation: query.relation || undefined,
    subject: query.subject ? parseSubject(query.subject) : undefined,
  };
  const canBrowse = !filter.namespace || overview.namespaces.includes(filter.namespace);
  const page = canBrowse ? await browseRelationships(access, project.id, filter, { size: 50, token: query.page_token || undefined }) : undefined;
  const graphNamespace = query.graph_namespace && overview.namespaces.includes(query.graph_namespace) ? query.graph_namespace : undefined;
  const graphObject = query.graph_object?.trim() || undefined;
  const objectGraph = graphNamespace && graphObject ? await objectRelationships(access, project.id, graphNamespace, graphObject) : undefined;
  const deleteAction = deleteRelationshipAction.bind(null, project.id);
  const graphHref = (namespace: string, object: string) => `?${new URLSearchParams({ graph_namespace: namespace, graph_object: object })}#object-graph`;
  const nextHref = page?.nextPageToken
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1]))), page_token: page.nextPageToken })}`
    : undefined;

  return (
    <div className="space-y-6">
      <Card aria-labelledby="opl-title">
        <CardHeader titleId="opl-title" title={t("opl.title")} description={t("opl.description")} />
        <CardBody>
          <OplEditor action={saveOplAction.bind(null, project.id)} initial={overview.opl} storedErrors={overview.errors} starters={STARTER_MODELS} />
        </CardBody>
      </Card>
      <Card aria-labelledby="graph-title">
        <CardHeader titleId="graph-title" title={t("graph.title")} description={t("graph.description")} />
        <CardBody>
          <NamespaceGraph graph={overview.graph} label={t("graph.title")} empty={t("graph.empty")} />
        </CardBody>
      </Card>
      <Card aria-labelledby="check-title">
        <CardHeader titleId="check-title" title={t("check.title")} description={t("check.description", { depth: overview.maxReadDepth })} />
        <CardBody>
          <CheckPlayground action={checkAction.bind(null, project.id)} />
        </CardBody>
      </Card>
      <Card aria-labelledby="write-title">
        <CardHeader titleId="write-title" title={t("write.title")} description={t("write.description")} />
        <CardBody>
          {overview.namespaces.length ? (
            <RelationshipForm action={addRelationshipAction.bind(null, project.id)} namespaces={overview.namespaces} relations={overview.relations} usersets={overview.usersets} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("write.noNamespaces")}</p>
          )}
        </CardBody>
      </Card>
      <Card aria-labelledby="tuples-title">
        <CardHeader titleId="tuples-title" title={t("tuples.title")} description={t("tuples.description")} />
        <CardBody className="space-y-4">
          <RelationshipFilters namespaces={overview.namespaces} values={query} />
          {!page ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">{t("tuples.unknownNamespace")}</p>
          ) : page.tuples.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("tuples.empty")}</p>
          ) : (
            <Table label={t("tuples.title")} data-testid="relationships-table">
              <THead>
                <tr>
                  <Th>{t("tuples.namespace")}</Th>
                  <Th>{t("tuples.object")}</Th>
                  <Th>{t("tuples.relation")}</Th>
                  <Th>{t("tuples.subject")}</Th>
                  <Th><span className="sr-only">{t("tuples.actions")}</span></Th>
                </tr>
              </THead>
              <TBody>
                {page.tuples.map((tuple) => (
                  <tr key={`${tuple.namespace}:${tuple.object}#${tuple.relation}@${formatSubject(tuple.subject)}`}>
                    <Td>{tuple.namespace}</Td>
                    <Td className="font-mono text-xs">
                      <Link className="underline" href={graphHref(tuple.namespace, tuple.object)} title={t("tuples.showGraph", { object: `${tuple.namespace}:${tuple.object}` })}>{tuple.object}</Link>
                    </Td>
                    <Td>{tuple.relation}</Td>
                    <Td className="font-mono text-xs">{formatSubject(tuple.subject)}</Td>
                    <Td className="text-right"><DeleteRelationship action={deleteAction} tuple={tuple} /></Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
          {nextHref ? <Link className="text-sm font-medium underline" href={nextHref}>{t("tuples.next")}</Link> : null}
        </CardBody>
      </Card>
      <Card id="object-graph" aria-labelledby="object-graph-title">
        <CardHeader titleId="object-graph-title" title={t("objectGraph.title")} description={t("objectGraph.description")} />
        <CardBody className="space-y-4">
          {overview.namespaces.length ? <ObjectPicker namespaces={overview.namespaces} namespace={graphNamespace} object={graphObject} /> : null}
          {objectGraph && graphNamespace && graphObject ? (
            <ObjectGraph layout={layoutObjectGraph(graphNamespace, graphObject, objectGraph.tuples)} more={objectGraph.more} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("objectGraph.pick")}</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
