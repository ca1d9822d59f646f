import type { IdentityRecord } from "@/lib/identity";
import type { AuthenticatedSession } from "@/lib/sessions";
import type { UiNode } from "../ui";
import type { FlowContext, FlowRecord } from "./types";

/** A submission's body: nested JSON (`{traits:{email}}`) or a flat HTML form (`traits.email`). */
export type SubmitBody = Record<string, unknown>;

/**
 * Kratos' `ErrStrategyNotResponsible`: the submission is not this strategy's (its `method` is another's, or the
 * fields it needs are absent); the flow asks the next strategy.
 */
export const NOT_RESPONSIBLE = Symbol("not responsible");
export type NotResponsible = typeof NOT_RESPONSIBLE;

/** Kratos' credential methods (`method` of a submission, node group of their nodes). */
export type MethodId =
  | "password" | "code" | "link" | "profile" | "totp" | "lookup_secret" | "webauthn" | "passkey" | "oidc" | "saml" | "identifier_first";

/** What a strategy may know besides the flow: the caller's session and the identity the flow is about. */
export interface FlowEnv {
  session?: AuthenticatedSession;
  identity?: IdentityRecord;
}

/** What every strategy does, whatever the flow kind: it has an id and adds its nodes to a flow's form. */
export interface Strategy<Env extends FlowEnv = FlowEnv> {
  readonly id: MethodId;
  /**
   * Whether the project's config offers this strategy beyond `selfservice.methods.<id>.enabled` (e.g. code login
   * needs `methods.code.passwordless_enabled`); the registry asks once per config object. Absent: always.
   */
  available?(projectConfig: unknown): boolean;
  nodes(ctx: FlowContext, flow: FlowRecord, env: Env): UiNode[] | Promise<UiNode[]>;
}

/** Asks each strategy in turn (Kratos' strategy loop) until one is responsible; NOT_RESPONSIBLE when none is. */
export async function firstResponsible<S, R>(strategies: readonly S[], attempt: (strategy: S) => Promise<R | NotResponsible>): Promise<R | NotResponsible> {
  for (const strategy of strategies) {
    const result = await attempt(strategy);
    if (result !== NOT_RESPONSIBLE) return result;
  }
  return NOT_RESPONSIBLE;
}
