import { getTranslations } from "next-intl/server";
import { Input, Select } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ObjectGraphLayout } from "@/lib/permissions-console/object-graph";
import { shortLabel } from "@/lib/permissions-console/object-graph";

/** Picks an object (a plain GET form, works without scripts). */
export async function ObjectPicker({ namespaces, namespace, object }: { namespaces: string[]; namespace?: string; object?: string }) {
  const t = await getTranslations("permissions.objectGraph");
  return (
    // Keyed by the picked object: a select takes its default only when mounted, and links in the list navigate softly.
    <form key={`${namespace}:${object}`} method="get" action="#object-graph" className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
      <label className="flex flex-col gap-1 text-sm">
        {t("namespace")}
        <Select name="graph_namespace" defaultValue={namespace ?? ""}>
          {namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("object")}
        <Input name="graph_object" defaultValue={object} required className="font-mono" />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">{t("show")}</button>
    </form>
  );
}

/**
 * One object's relationships one level out, as a server-rendered SVG (subject ids as rounded boxes, subject sets
 * dashed) and, for assistive technology and copying, the same relationships as a table.
 */
export async function ObjectGraph({ layout, more }: { layout: ObjectGraphLayout; more: boolean }) {
  const t = await getTranslations("permissions.objectGraph");
  if (layout.edges.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty", { object: layout.object })}</p>;
  const { center } = layout;
  return (
    <div className="space-y-4">
      {/* A focusable region: on phones the graph scrolls sideways, and keyboard users must be able to scroll it. */}
      <div role="region" aria-label={t("graphLabel", { object: layout.object })} tabIndex={0} className="overflow-x-auto">
        <svg
          role="img"
          aria-label={t("graphLabel", { object: layout.object })}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="h-auto w-full min-w-[34rem] max-w-3xl text-slate-700 dark:text-slate-200"
          data-testid="object-graph"
        >
          <defs>
            <marker id="object-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M0 0L10 5L0 10z" fill="currentColor" />
            </marker>
          </defs>
          {layout.edges.map((edge, i) => {
            const x1 = center.x + 90, y1 = center.y, x2 = edge.x - 4, y2 = edge.y;
            return (
              <g key={i}>
                <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="currentColor" strokeOpacity="0.55" markerEnd="url(#object-arrow)" />
                <text x={x1 + (x2 - x1) * 0.55} y={y1 + (y2 - y1) * 0.55 - 4} fontSize="11" textAnchor="middle" fill="currentColor" className="font-medium">{edge.relation}</text>
              </g>
            );
          })}
          <g>
            <rect x={center.x - 90} y={center.y - 18} width="180" height="36" rx="8" className="fill-brand-50 stroke-brand-600 dark:fill-slate-900" />
            <text x={center.x} y={center.y + 4} fontSize="12" fontWeight="600" textAnchor="middle" fill="currentColor">{shortLabel(layout.object)}</text>
            <title>{layout.object}</title>
          </g>
          {layout.edges.map((edge, i) => (
            <g key={`s${i}`}>
              <rect x={edge.x} y={edge.y - 15} width="170" height="30" rx={edge.kind === "id" ? 15 : 4} strokeDasharray={edge.kind === "set" ? "4 3" : undefined} className="fill-white stroke-slate-400 dark:fill-slate-900" />
              <text x={edge.x + 85} y={edge.y + 4} fontSize="11" textAnchor="middle" fill="currentColor" className="font-mono">{shortLabel(edge.subject, 24)}</text>
              <title>{edge.subject}</title>
            </g>
          ))}
        </svg>
      </div>
      <Table label={t("tableLabel", { object: layout.object })} data-testid="object-graph-table">
        <caption className="sr-only">{t("tableLabel", { object: layout.object })}</caption>
        <THead>
          <tr>
            <Th>{t("relation")}</Th>
            <Th>{t("subject")}</Th>
            <Th>{t("kind")}</Th>
          </tr>
        </THead>
        <TBody>
          {layout.edges.map((edge, i) => (
            <tr key={i}>
              <Td>{edge.relation}</Td>
              <Td className="font-mono text-xs">{edge.subject}</Td>
              <Td>{edge.kind === "id" ? t("kindId") : t("kindSet")}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {more ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("more", { count: layout.edges.length })}</p> : null}
    </div>
  );
}
