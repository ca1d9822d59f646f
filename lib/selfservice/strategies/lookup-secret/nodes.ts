import { inputNode, text, textNode, type UiNode, type UiText } from "../../ui";
import type { StoredCode } from "./codes";

/** The second step of a login with a recovery code (Kratos' lookup_secret login nodes). */
export const lookupLoginNodes = (): UiNode[] => [
  inputNode("lookup_secret", "lookup_secret", { type: "text", required: true, autocomplete: "one-time-code", label: text.labelLookupCode() }),
  inputNode("method", "lookup_secret", { type: "submit", value: "lookup_secret", label: text.loginLookup() }),
];

const button = (name: string, label: UiText): UiNode => inputNode(name, "lookup_secret", { type: "submit", value: "true", label });
export const regenerateNode = () => button("lookup_secret_regenerate", text.regenerateLookup());
export const revealNode = () => button("lookup_secret_reveal", text.revealLookup());
export const confirmNode = () => button("lookup_secret_confirm", text.confirmLookup());
export const disableNode = () => button("lookup_secret_disable", text.disableLookup());

/** Kratos' `lookup_secret_codes`: the list as one text (1050015) whose context carries one message per code. */
function codesNode(formatted: string[], messages: UiText[]): UiNode {
  return textNode("lookup_secret_codes", "lookup_secret", text.lookupSecretList(formatted, messages), text.lookupSecretsLabel());
}

/** New codes, shown this once (until confirmed or replaced). */
export const newCodesNode = (codes: string[]): UiNode => codesNode(codes, codes.map((code) => text.lookupSecret(code)));

/** Stored codes revealed: which are used (and when); unused ones can not be shown again, only their state. */
export const storedCodesNode = (codes: StoredCode[]): UiNode =>
  codesNode(
    codes.map((code) => (code.used_at ? "used" : "unused")),
    codes.map((code) => (code.used_at ? text.lookupSecretUsed(new Date(code.used_at)) : text.lookupSecretHidden())),
  );
