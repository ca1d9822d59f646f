import { markAddressVerified } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { NOT_RESPONSIBLE, type Strategy } from "../strategy";
import { flowUrls } from "../../flows/urls";
import { codeNodes } from "./nodes";
import { redeemFlowCode } from "./redeem";
import { sendCode } from "./send";

/** One-time codes by email for recovery and verification (Kratos' `code` method). */
export const codeStrategy: Strategy = {
  id: "code",
  kinds: ["recovery", "verification"],
  nodes(ctx, flow) {
    const urls = flowUrls(ctx);
    return codeNodes(flow, flow.returnTo || urls.defaultReturn("verification"));
  },
  async submit(ctx, flow, body) {
    if (bodyString(body, "method") !== "code") return NOT_RESPONSIBLE;
    if (flow.state === "passed_challenge") {
      throw new FlowValidationError([flow.kind === "recovery" ? text.recoveryRetrySuccess() : text.verificationRetrySuccess()]);
    }
    const code = bodyString(body, "code")?.trim();
    if (code && flow.state === "sent_email") {
      const { identity, address } = await redeemFlowCode(ctx, flow, code);
      if (flow.kind === "verification") {
        await markAddressVerified(ctx, identity.id, address);
        return { kind: "verified", identity };
      }
      // A recovery code proves control of the address: Kratos marks it verified as well.
      await markAddressVerified(ctx, identity.id, address).catch(() => undefined);
      return { kind: "recovered", identity, method: "code_recovery" };
    }
    const email = bodyString(body, "email");
    if (email === undefined) {
      throw new FlowValidationError([], flow.state === "sent_email" ? { code: [text.required("code")] } : { email: [text.required("email")] });
    }
    await sendCode(ctx, flow, email);
    return { kind: "code_sent" };
  },
};
