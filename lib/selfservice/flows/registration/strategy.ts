import type { CreateIdentityInput, CredentialInput } from "@/lib/identity";
import type { FlowEnv, MethodId, NotResponsible, Strategy, SubmitBody } from "../strategy";
import type { FlowContext, FlowRecord } from "../types";

/** The identity a registration proposes: traits under a schema, with the credentials of the method that signed up. */
export interface RegistrationResult {
  method: MethodId;
  schemaId: string;
  traits: Record<string, unknown>;
  credentials: NonNullable<CreateIdentityInput["credentials"]>;
  /** Credentials the strategy made itself (a passkey's verified public key), stored as given with the identity. */
  made?: CredentialInput[];
  /** Addresses the method proved control of (a registration code): created verified. */
  verifiedAddresses?: { value: string; via: string }[];
}

/** A registration method (Kratos `registration.Strategy`): it proposes a new identity; the flow creates it. */
export interface RegistrationStrategy extends Strategy<FlowEnv> {
  register(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<RegistrationResult | NotResponsible>;
}
