"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { keySetNameSchema } from "@/lib/keys";
import { consoleOAuth2Context, createConsoleKey, createKeyFormSchema, deleteConsoleKeys, rotateConsoleKeySet } from "@/lib/oauth2-console";
import { currentConsoleAccess, publicOrigin } from "@/app/_lib/console-auth";
import { fieldErrorsFrom, formValues } from "@/app/_lib/form-state";
import { oauth2ActionError, oauth2Path, type OAuth2FormState } from "../errors";

async function writeContext(projectId: string) {
  return consoleOAuth2Context(await currentConsoleAccess(), projectId, await publicOrigin(), "write");
}
const done = (projectId: string) => revalidatePath(oauth2Path(projectId, "/keys"));

/** Generates a key; its private part stays sealed in the database and is never shown. */
export async function createKeyAction(projectId: string, _state: OAuth2FormState<{ kid: string }>, form: FormData): Promise<OAuth2FormState<{ kid: string }>> {
  const values = formValues(form, ["set", "alg", "use"]);
  const parsed = createKeyFormSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const created = await createConsoleKey(await writeContext(projectId), parsed.data);
    done(projectId);
    return { result: created, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), values, submittedAt: Date.now() };
  }
}

export async function rotateKeySetAction(projectId: string, setName: string): Promise<OAuth2FormState<{ rotated: string[] }>> {
  try {
    const result = await rotateConsoleKeySet(await writeContext(projectId), keySetNameSchema.parse(setName));
    done(projectId);
    return { result, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), submittedAt: Date.now() };
  }
}

const kidSchema = z.string().min(1).max(200).optional();

export async function deleteKeyAction(projectId: string, setName: string, kid?: string): Promise<OAuth2FormState<{ deleted: boolean }>> {
  try {
    await deleteConsoleKeys(await writeContext(projectId), keySetNameSchema.parse(setName), kidSchema.parse(kid));
    done(projectId);
    return { result: { deleted: true }, submittedAt: Date.now() };
  } catch (error) {
    return { ...oauth2ActionError(error), submittedAt: Date.now() };
  }
}
