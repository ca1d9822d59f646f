import { useTranslations } from "next-intl";
import { groupNodes, keepNativeRequired, onlyGroups, primarySubmits, type FlowKind, type NodeSection, type UiContainer, type UiNode, type UiNodeGroup } from "@/lib/selfservice/ui";
import { FlowMessages } from "./FlowMessages";
import { FlowNode } from "./FlowNode";
import { useFlowCatalog } from "./use-flow-catalog";

export interface FlowFormProps {
  ui: UiContainer;
  flow: FlowKind;
  /** Prefix of element ids; give each FlowForm on a page its own. */
  idPrefix?: string;
  /**
   * `single`: one `<form>`, the default group first, then one section per method with a divider.
   * `per-group`: one `<form>` per method (settings: profile and password save separately).
   */
  layout?: "single" | "per-group";
  /** Show only these method groups. */
  groups?: readonly UiNodeGroup[];
  /** Leave the flow-level messages to the page. */
  hideMessages?: boolean;
  /** Rendered at the top of a per-group section (e.g. a re-authentication notice for "password"). */
  sectionNotice?: Partial<Record<UiNodeGroup, React.ReactNode>>;
}

function Divider({ label }: { label: string }) {
  return (
    <div role="separator" className="flex items-center gap-3 text-xs uppercase tracking-wide text-(--pc-muted)">
      <span className="h-px flex-1 bg-(--pc-border)" />
      <span aria-hidden="true">{label}</span>
      <span className="h-px flex-1 bg-(--pc-border)" />
    </div>
  );
}

/**
 * The one generic renderer of Ory UI nodes. A plain HTML form: without JavaScript the browser posts
 * form-encoded data to `ui.action`, and the self-service endpoint answers with a 303 back to this page.
 */
export function FlowForm({ ui, flow, idPrefix = `flow-${flow}`, layout = "single", groups, hideMessages, sectionNotice }: FlowFormProps) {
  const t = useTranslations("hosted");
  const catalog = useFlowCatalog();
  const grouped = groups ? onlyGroups(groupNodes(ui.nodes), groups) : groupNodes(ui.nodes);
  const position = new Map<UiNode, number>(ui.nodes.map((node, index) => [node, index]));
  // The primary look: `method` submits, else the first submit (the account chooser lists its recommended choice first).
  const primary = layout === "single" ? primarySubmits(ui.nodes) : undefined;
  const method = ui.method.toLowerCase() === "get" ? "get" : "post";

  const renderNodes = (nodes: UiNode[], keepRequired: boolean, prefix: string) =>
    nodes.map((node) => {
      const index = position.get(node) ?? 0;
      return <FlowNode key={index} node={node} flow={flow} idPrefix={prefix} index={index} keepRequired={keepRequired} catalog={catalog} primary={primary?.has(node)} />;
    });
  const sectionTitle = (section: NodeSection) => (t.has(`groups.${section.group}`) ? t(`groups.${section.group}`) : section.group);

  const messages = hideMessages ? null : <FlowMessages messages={ui.messages ?? []} id={`${idPrefix}-messages`} />;

  if (layout === "per-group") {
    return (
      <div className="space-y-6">
        {messages}
        {grouped.sections.map((section, sectionIndex) => {
          const prefix = `${idPrefix}-${section.group}`;
          const headingId = `${prefix}-heading`;
          return (
            <section key={section.group} aria-labelledby={headingId} className={sectionIndex > 0 ? "border-t border-(--pc-border) pt-6" : undefined}>
              <h2 id={headingId} className="mb-4 text-base font-semibold text-(--pc-text)">
                {sectionTitle(section)}
              </h2>
              {sectionNotice?.[section.group]}
              <form action={ui.action} method={method} className="space-y-4" data-group={section.group}>
                {renderNodes(grouped.hidden, true, prefix)}
                {sectionIndex === 0 ? renderNodes(grouped.defaults, true, prefix) : null}
                {renderNodes(section.nodes, true, prefix)}
              </form>
            </section>
          );
        })}
      </div>
    );
  }

  const keepRequired = keepNativeRequired(grouped);
  return (
    <div className="space-y-5">
      {messages}
      <form action={ui.action} method={method} className="space-y-4">
        {renderNodes(grouped.hidden, keepRequired, idPrefix)}
        {renderNodes(grouped.defaults, true, idPrefix)}
        {grouped.sections.map((section, sectionIndex) => (
          <div key={section.group} className="space-y-4" data-group={section.group}>
            {sectionIndex > 0 ? <Divider label={t("or")} /> : null}
            {renderNodes(section.nodes, keepRequired, idPrefix)}
          </div>
        ))}
      </form>
    </div>
  );
}
