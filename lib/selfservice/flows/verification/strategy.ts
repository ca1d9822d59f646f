import type { IdentityRecord } from "@/lib/identity";
import type { UiText } from "../../ui";
import type { FlowEnv, NotResponsible, Strategy, SubmitBody } from "../strategy";
import type { FlowContext, FlowRecord } from "../types";

/** A verification step: a code or link went out, or the address was verified. */
export type VerificationResult = { state: "sent"; /** What the flow says (default: a verification code was sent). */ message?: UiText } | { state: "verified"; identity: IdentityRecord; address: string };

/** A verification method (Kratos `verification.Strategy`); it changes the flow's state itself (sent_email). */
export interface VerificationStrategy extends Strategy<FlowEnv> {
  verify(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<VerificationResult | NotResponsible>;
}
