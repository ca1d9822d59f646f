import { z } from "zod";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import { text } from "../../ui";
import { NOT_RESPONSIBLE, type Strategy } from "../strategy";
import type { FlowRecord } from "../../flows/types";
import { inputNode, type UiNode, type UiText } from "../../ui";

const choices = z.enum(["current", "hinted", "another"]);

const choiceButton = (value: z.infer<typeof choices>, label: UiText): UiNode => inputNode("select_account", "default", { type: "submit", value, label });

/**
 * The account chooser of a login flow that answers an OAuth2 login challenge (OIDC Core §3.1.2.1 select_account, or
 * an id_token_hint for another account than the signed-in one). While the flow asks, it is the flow's only step:
 * one submit per account (`select_account=current|hinted|another`), the wanted one first when it is known.
 */
export const selectAccountStrategy: Strategy = {
  id: "select_account",
  kinds: ["login"],
  claims: (flow: FlowRecord) => Boolean(flow.context.account_choice),
  nodes(_ctx, flow) {
    const choice = flow.context.account_choice;
    if (!choice) return [];
    const wanted = choice.hinted?.identifier ? [choiceButton("hinted", text.signInAs(choice.hinted.name ?? choice.hinted.identifier))] : [];
    return [...wanted, choiceButton("current", text.continueAs(choice.current.name)), choiceButton("another", text.useAnotherAccount())];
  },
  async submit(_ctx, flow, body) {
    const submitted = bodyString(body, "select_account");
    if (!flow.context.account_choice || submitted === undefined) return NOT_RESPONSIBLE;
    const parsed = choices.safeParse(submitted);
    if (!parsed.success || (parsed.data === "hinted" && !flow.context.account_choice.hinted?.identifier)) {
      throw new FlowValidationError([text.noStrategy("login")]);
    }
    return { kind: "account_chosen", choice: parsed.data };
  },
};
