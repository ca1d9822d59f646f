import { PasswordPolicyError, setPassword } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { inputNode, type UiNode, type UiText } from "../../ui";
import type { SubmitBody } from "../../flows/strategy";
import type { SettingsEnv, SettingsUpdate } from "../../flows/settings/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";

/** Settings: set a new password (a privileged change: needs a recent sign-in). */
export function settingsNodes(): UiNode[] {
  return [
    inputNode("password", "password", { type: "password", required: true, autocomplete: "new-password", label: text.labelPassword() }),
    inputNode("method", "password", { type: "submit", value: "password", label: text.labelSave() }),
  ];
}

export async function submitSettings(ctx: FlowContext, _flow: FlowRecord, body: SubmitBody, env: SettingsEnv): Promise<SettingsUpdate> {
  const password = bodyString(body, "password") ?? "";
  if (!password) throw new FlowValidationError([], { password: [text.required("password")] });
  const identityId = env.identity.id;
  return {
    method: "password",
    privileged: true,
    apply: async () => {
      try {
        return await setPassword(ctx, identityId, password);
      } catch (error) {
        if (error instanceof PasswordPolicyError) throw new FlowValidationError([], { password: error.messages as UiText[] });
        throw error;
      }
    },
  };
}
