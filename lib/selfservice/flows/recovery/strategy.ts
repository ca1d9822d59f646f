import type { IdentityRecord } from "@/lib/identity";
import type { UiText } from "../../ui";
import type { FlowEnv, MethodId, NotResponsible, Strategy, SubmitBody } from "../strategy";
import type { FlowContext, FlowRecord } from "../types";

/** A recovery step: a code or link went out (the flow now waits for it), or the account was recovered. */
export type RecoveryResult =
  | { state: "sent"; /** What the flow says (default: a recovery code was sent). */ message?: UiText }
  | { state: "recovered"; identity: IdentityRecord; method: `${MethodId}_recovery` | "link_recovery" };

/** A recovery method (Kratos `recovery.Strategy`); it changes the flow's state itself (sent_email). */
export interface RecoveryStrategy extends Strategy<FlowEnv> {
  recover(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<RecoveryResult | NotResponsible>;
}
