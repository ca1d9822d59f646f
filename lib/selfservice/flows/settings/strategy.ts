import type { IdentityRecord } from "@/lib/identity";
import type { AuthenticatedSession } from "@/lib/sessions";
import type { FlowEnv, MethodId, NotResponsible, Strategy, SubmitBody } from "../strategy";
import type { FlowContext, FlowRecord } from "../types";

/** Settings always run for a signed-in identity. */
export interface SettingsEnv extends FlowEnv {
  session: AuthenticatedSession;
  identity: IdentityRecord;
}

/** A validated change, applied by the flow once it has checked the session may make it. */
export interface SettingsUpdate {
  method: MethodId;
  /** Kratos' privileged fields: a change that needs a recent sign-in (privileged_session_max_age). */
  privileged: boolean;
  apply(): Promise<IdentityRecord>;
}

/** A settings method (Kratos `settings.Strategy`). */
export interface SettingsStrategy extends Strategy<SettingsEnv> {
  update(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: SettingsEnv): Promise<SettingsUpdate | NotResponsible>;
}
