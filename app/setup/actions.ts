"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/core/errors";
import { createConsoleSession } from "@/lib/console/session";
import { platformSessionAfterSetup } from "@/lib/console/setup-session";
import { createOwner, needsSetup } from "@/lib/workspaces/setup";
import { requestMeta, setConsoleSessionCookie } from "@/app/_lib/console-auth";
import { currentRequestOrigin } from "@/app/_lib/request-origin";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";
import { SETUP_FIELDS, setupFormSchema } from "./schema";

/** First start: creates the owner and the first workspace, signs the owner in, and opens the console. */
export async function setupAction(_previous: FormState, form: FormData): Promise<FormState> {
  if (!(await needsSetup())) redirect("/console/login");
  const values = formValues(form, SETUP_FIELDS);
  const parsed = setupFormSchema.safeParse({ ...values, password: form.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };

  let created: Awaited<ReturnType<typeof createOwner>>;
  try {
    created = await createOwner(parsed.data, { host: (await currentRequestOrigin()).host || undefined });
  } catch (error) {
    // Someone else finished the setup a moment ago.
    if (error instanceof AppError && error.code === "conflict") redirect("/console/login");
    throw error;
  }
  const meta = await requestMeta();
  const list = await headers();
  const platform = await platformSessionAfterSetup(created.identityId, { ip: meta.ip ?? "", userAgent: meta.userAgent ?? "" }, { header: (h) => list.get(h) ?? undefined });
  const { name, value, ...attributes } = platform.cookie;
  (await cookies()).set(name, value, attributes);
  const session = await createConsoleSession({ id: created.userId, email: parsed.data.email, name: parsed.data.name }, { ...meta, identitySessionId: platform.sessionId });
  await setConsoleSessionCookie(session.token, session.expiresAt);
  // Land in the new workspace, where the next step is its first project (not on the list of workspaces).
  redirect(`/console/workspaces/${created.workspaceId}`);
}
