import { text } from "../../ui";
import { anchorNode, inputNode, type UiNode } from "../../ui";
import type { FlowRecord } from "../../flows/types";
import { CODE_LENGTH } from "./codes";

/**
 * Recovery / verification by code (Kratos' code strategy): first the address, then the code with a "resend"
 * button, finally (verification) a link onwards.
 */
export function codeNodes(flow: FlowRecord, continueUrl?: string): UiNode[] {
  const recovery = flow.kind === "recovery";
  if (flow.state === "choose_method") {
    return [
      inputNode("email", "code", { type: "email", required: true, autocomplete: "email", label: text.labelEmail() }),
      inputNode("method", "code", { type: "submit", value: "code", label: text.labelSubmit() }),
    ];
  }
  if (flow.state === "sent_email") {
    return [
      inputNode("code", "code", {
        type: "text", required: true, pattern: "[0-9]+", maxlength: CODE_LENGTH, autocomplete: "one-time-code",
        label: recovery ? text.labelRecoveryCode() : text.labelVerificationCode(),
      }),
      inputNode("method", "code", { type: "hidden", value: "code" }),
      inputNode("method", "code", { type: "submit", value: "code", label: text.labelContinue() }),
      inputNode("email", "code", { type: "submit", value: flow.context.address ?? "", label: text.labelResendCode() }),
    ];
  }
  return !recovery && continueUrl ? [anchorNode("continue", "code", continueUrl, text.labelContinue())] : [];
}
