import { isInputNode, type UiNode, type UiNodeGroup } from "./types";

export interface NodeSection {
  group: UiNodeGroup;
  nodes: UiNode[];
}

export interface GroupedNodes {
  /** Hidden default-group inputs (csrf_token, …): belong in every form. */
  hidden: UiNode[];
  /** Visible default-group nodes (identifier, …), rendered first. */
  defaults: UiNode[];
  /** One section per credential method, in the order the server sent them. */
  sections: NodeSection[];
}

const isHidden = (node: UiNode) => isInputNode(node) && node.attributes.type === "hidden";

/**
 * Kratos groups nodes by method. Render order: the default group first (csrf_token, identifier), then one
 * section per method with a divider between them. Script nodes are method plumbing (WebAuthn) and stay in
 * their section.
 */
export function groupNodes(nodes: UiNode[]): GroupedNodes {
  const hidden: UiNode[] = [];
  const defaults: UiNode[] = [];
  const sections = new Map<UiNodeGroup, UiNode[]>();
  for (const node of nodes) {
    if (node.group === "default") {
      (isHidden(node) ? hidden : defaults).push(node);
      continue;
    }
    const section = sections.get(node.group) ?? [];
    section.push(node);
    sections.set(node.group, section);
  }
  return { hidden, defaults, sections: [...sections].map(([group, groupNodes]) => ({ group, nodes: groupNodes })) };
}

/** Only the sections of the given groups (e.g. settings shows profile and password). */
export function onlyGroups(grouped: GroupedNodes, groups: readonly UiNodeGroup[]): GroupedNodes {
  return { ...grouped, sections: grouped.sections.filter((s) => groups.includes(s.group)) };
}

/** Whether a section has something a person fills in (not just a submit button or hidden field). */
export function hasFillableInput(section: NodeSection): boolean {
  return section.nodes.some(
    (node) => isInputNode(node) && !["hidden", "submit", "button"].includes(node.attributes.type),
  );
}

/**
 * With one `<form>` for several buttons, a `required` field would block the browser from submitting another
 * button: another method's (even one without fields, such as "Sign in with code") or "Resend code". Native
 * `required` is kept only when the form has one submit button, or nothing to fill in; the server validates either
 * way and answers with node messages.
 */
export function keepNativeRequired(grouped: GroupedNodes): boolean {
  const submits = grouped.sections.flatMap((section) => section.nodes).filter((node) => isInputNode(node) && node.attributes.type === "submit");
  return submits.length <= 1 || grouped.sections.filter(hasFillableInput).length === 0;
}
