import { z } from "zod";
import { bodyString } from "../body";
import { FlowValidationError } from "../errors";
import { NOT_RESPONSIBLE, type NotResponsible, type SubmitBody } from "../strategy";
import type { FlowRecord } from "../types";
import { inputNode, text, type UiNode, type UiText } from "../../ui";

const choices = z.enum(["current", "hinted", "another"]);
export type AccountChoiceAnswer = z.infer<typeof choices>;

const choiceButton = (value: AccountChoiceAnswer, label: UiText): UiNode => inputNode("select_account", "default", { type: "submit", value, label });

/**
 * The account chooser of a login flow that answers an OAuth2 login challenge (OIDC Core §3.1.2.1 select_account, or
 * an id_token_hint for another account than the signed-in one). While the flow asks, it is the flow's only step —
 * a step of the login flow, not a credential method: one submit per account (`select_account=current|hinted|another`),
 * the wanted one first when it is known.
 */
export const isChoosingAccount = (flow: FlowRecord): boolean => Boolean(flow.context.account_choice);

export function accountChooserNodes(flow: FlowRecord): UiNode[] {
  const choice = flow.context.account_choice;
  if (!choice) return [];
  const wanted = choice.hinted?.identifier ? [choiceButton("hinted", text.signInAs(choice.hinted.name ?? choice.hinted.identifier))] : [];
  return [...wanted, choiceButton("current", text.continueAs(choice.current.name)), choiceButton("another", text.useAnotherAccount())];
}

/** The chooser's answer, or NOT_RESPONSIBLE when the submission is not one (then no method answers either). */
export function accountChooserAnswer(flow: FlowRecord, body: SubmitBody): AccountChoiceAnswer | NotResponsible {
  const submitted = bodyString(body, "select_account");
  if (!flow.context.account_choice || submitted === undefined) return NOT_RESPONSIBLE;
  const parsed = choices.safeParse(submitted);
  if (!parsed.success || (parsed.data === "hinted" && !flow.context.account_choice.hinted?.identifier)) {
    throw new FlowValidationError([text.noStrategy("login")]);
  }
  return parsed.data;
}
