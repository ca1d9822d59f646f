"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleOAuth2Context } from "@/lib/oauth2-console";
import { revokeConsentSessions } from "@/lib/oauth2/flows/sessions-admin";
import { currentConsoleAccess, publicOrigin } from "@/app/_lib/console-auth";
import { oauth2ActionError, oauth2Path, type OAuth2FormState } from "../errors";

const input = z.object({ subject: z.string().min(1).max(255), clientId: z.string().min(1).max(255).optional() });

/** Revokes a subject's consent to one client, or (without a client) every consent, and the tokens they issued. */
export async function revokeConsentAction(projectId: string, subject: string, clientId?: string): Promise<OAuth2FormState<{ revoked: boolean }>> {
  try {
    const parsed = input.parse({ subject, clientId });
    const ctx = await consoleOAuth2Context(await currentConsoleAccess(), projectId, await publicOrigin(), "write");
    await revokeConsentSessions(ctx, parsed.subject, parsed.clientId, !parsed.clientId);
  } catch (error) {
    return { ...oauth2ActionError(error), submittedAt: Date.now() };
  }
  revalidatePath(oauth2Path(projectId, "/consent"));
  return { result: { revoked: true }, submittedAt: Date.now() };
}
