"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { sendTestEmail } from "@/lib/courier";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { smtpSettingsPatch, smtpSettingsSchema } from "@/lib/identity-console/smtp-settings";
import { getProject, patchProject } from "@/lib/projects";
import { invalidateProject } from "@/lib/projects/lookup";
import { currentConsoleAccess, currentConsoleUser } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

const keys = ["connectionUri", "fromAddress", "fromName"] as const;
const courierPath = (projectId: string) => `/console/projects/${projectId}/courier`;

/** The project's SMTP server and sender (Kratos' `courier.smtp`), saved as one project revision. */
export async function saveSmtpSettingsAction(projectId: string, _state: FormState<{ saved: boolean }>, form: FormData): Promise<FormState<{ saved: boolean }>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, keys);
  const parsed = smtpSettingsSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const project = await getProject(access, projectId);
    await patchProject(access, project.id, smtpSettingsPatch(project.config, parsed.data));
    invalidateProject(project.slug);
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  revalidatePath(courierPath(projectId));
  return { result: { saved: true }, submittedAt: Date.now() };
}

/** Sends a test message to the signed-in operator through the saved settings, answering with the server's verdict. */
export async function sendTestEmailAction(projectId: string, _state: FormState<{ sentTo: string; via: string }>): Promise<FormState<{ sentTo: string; via: string }>> {
  const ctx = await consoleServiceContext(await currentConsoleAccess(), projectId, "write");
  const user = await currentConsoleUser();
  if (!user) return { formError: "forbidden", submittedAt: Date.now() };
  const t = await getTranslations("courier.smtp");
  const result = await sendTestEmail(ctx.project.config, ctx.project.name, user.email, {
    subject: t("testSubject", { project: ctx.project.name }),
    body: t("testBody", { project: ctx.project.name }),
  });
  if (result.sent) return { result: { sentTo: user.email, via: result.via }, submittedAt: Date.now() };
  return { formError: result.reason === "no_smtp" ? "noSmtp" : "smtpFailed", values: { detail: result.detail ?? "" }, submittedAt: Date.now() };
}
