import { csrfNode, type UiText } from "../ui";
import { renderNodes } from "./render";
import { csrfTokenOf } from "./start";
import { saveFlow } from "./store";
import type { FlowContext, FlowRecord } from "./types";

/** Re-renders a flow after its state changed (a code sent, a code accepted), with messages, and stores it. */
export async function rerender(ctx: FlowContext, flow: FlowRecord, messages: UiText[]): Promise<FlowRecord> {
  flow.ui = { action: flow.ui.action, method: flow.ui.method, nodes: await renderNodes(ctx, flow, {}, csrfNode(csrfTokenOf(flow))), ...(messages.length ? { messages } : {}) };
  return saveFlow(ctx, flow);
}
