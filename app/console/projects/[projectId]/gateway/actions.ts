"use server";

import { currentRequestOrigin } from "@/app/_lib/request-origin";
import { revalidatePath } from "next/cache";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import type { FormState } from "@/app/_lib/form-state";
import { AppError } from "@/lib/core/errors";
import { createRule, deleteRule, explainDecision, replaceRule, type Explanation } from "@/lib/gateway";
import { consoleServiceContext } from "@/lib/identity-console/context";

export interface RuleSaveResult {
  saved: boolean;
  issues: { path: string; message: string }[];
}

/** Creates or replaces a rule from the JSON editor; validation issues come back with their paths. */
export async function saveRuleAction(projectId: string, _state: FormState<RuleSaveResult>, form: FormData): Promise<FormState<RuleSaveResult>> {
  const source = String(form.get("rule") ?? "");
  const replacing = String(form.get("replace") ?? "");
  const values = { rule: source, replace: replacing };
  let input: unknown;
  try {
    input = JSON.parse(source);
  } catch (error) {
    return { result: { saved: false, issues: [{ path: "", message: (error as Error).message }] }, values, submittedAt: Date.now() };
  }
  try {
    const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
    if (replacing) await replaceRule(ctx, replacing, input);
    else await createRule(ctx, input);
  } catch (error) {
    const issues = error instanceof AppError && error.id === "invalid_rule" ? (error.details?.issues as RuleSaveResult["issues"] | undefined) : undefined;
    if (issues) return { result: { saved: false, issues }, values, submittedAt: Date.now() };
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  revalidatePath(`/console/projects/${projectId}/gateway`);
  return { result: { saved: true, issues: [] }, values: { rule: "", replace: "" }, submittedAt: Date.now() };
}

export async function deleteRuleAction(projectId: string, ruleId: string): Promise<void> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  await deleteRule(ctx, ruleId);
  revalidatePath(`/console/projects/${projectId}/gateway`);
}

/** "Test a request": which rule matched and each handler's verdict. */
export async function testRequestAction(projectId: string, _state: FormState<Explanation>, form: FormData): Promise<FormState<Explanation>> {
  const values = { method: String(form.get("method") ?? "GET"), url: String(form.get("url") ?? ""), headers: String(form.get("headers") ?? "") };
  const headers: Record<string, string> = {};
  for (const line of values.headers.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  try {
    const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "read");
    const result = await explainDecision(ctx.project, { method: values.method, url: values.url, headers }, await currentRequestOrigin());
    return { result, values, submittedAt: Date.now() };
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
}
