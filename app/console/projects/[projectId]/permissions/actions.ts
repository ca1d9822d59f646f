"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import type { FormState } from "@/app/_lib/form-state";
import { explainCheck, saveOpl } from "@/lib/permissions-console";
import type { TraceNode } from "@/lib/permissions/engine/membership";
import type { OplError } from "@/lib/permissions/opl/ast";
import { parseTupleString } from "@/lib/permissions/tuple-string";

export interface OplResult {
  saved: boolean;
  errors: OplError[];
}

export async function saveOplAction(projectId: string, _previous: FormState<OplResult>, form: FormData): Promise<FormState<OplResult>> {
  const access = await currentConsoleAccess();
  const opl = String(form.get("opl") ?? "");
  try {
    const { errors } = await saveOpl(access, projectId, opl);
    if (!errors.length) revalidatePath(`/console/projects/${projectId}/permissions`);
    return { result: { saved: errors.length === 0, errors }, values: { opl }, submittedAt: Date.now() };
  } catch (error) {
    return { formError: actionErrorKey(error), values: { opl }, submittedAt: Date.now() };
  }
}

export interface CheckExplanation {
  allowed: boolean;
  membership: string;
  path: TraceNode[];
  trace?: TraceNode;
}

const checkSchema = z.object({ tuple: z.string().trim().min(3).max(3000), depth: z.coerce.number().int().min(0).max(1000).optional() });

export async function checkAction(projectId: string, _previous: FormState<CheckExplanation>, form: FormData): Promise<FormState<CheckExplanation>> {
  const access = await currentConsoleAccess();
  const values = { tuple: String(form.get("tuple") ?? ""), depth: String(form.get("depth") ?? "") };
  const parsed = checkSchema.safeParse({ tuple: values.tuple, depth: values.depth || undefined });
  if (!parsed.success) return { fieldErrors: { tuple: "invalid" }, values, submittedAt: Date.now() };
  try {
    const tuple = parseTupleString(parsed.data.tuple);
    const result = await explainCheck(access, projectId, tuple, parsed.data.depth);
    return { result: { allowed: result.allowed, membership: result.membership, path: result.path ?? [], trace: result.trace }, values, submittedAt: Date.now() };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("not a relation tuple")) return { fieldErrors: { tuple: "invalid" }, values, submittedAt: Date.now() };
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
}
