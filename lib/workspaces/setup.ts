import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";
import { issueToken, WORKSPACE_KEY_PREFIX } from "@/lib/apikeys/tokens";
import { recordAudit } from "@/lib/audit";
import { conflict } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import { preparePlatform } from "@/lib/console/bootstrap";
import { linkConsoleUser } from "@/lib/console/link-users";
import { platformContext } from "@/lib/console/platform-project";
import { recordSetupHost, setupHostRecorded } from "@/lib/request-origin";
import { hashPassword } from "@/lib/identity";

export const setupInputSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(8, "Use at least 8 characters.").max(1024),
  name: storableString().trim().max(200).optional().default(""),
  workspaceName: storableString().trim().min(1).max(100),
  /** Also issue a workspace API key (the CLI's `init` prints it). */
  withApiKey: z.boolean().optional().default(false),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export interface SetupResult {
  userId: string;
  workspaceId: string;
  /** The owner's identity in the platform project (the console's sign-in and account pages). */
  identityId: string;
  apiKey?: string;
}

const SETUP_LOCK = 7_283_114_003;

export async function needsSetup(): Promise<boolean> {
  const db = await platformDb();
  return (await db.workspaceMember.count({ where: { role: "owner" } })) === 0;
}

/**
 * First start: creates the owner account and the first workspace, once (refuses when an owner exists). The
 * owner signs in through the platform project: the password is hashed with its parameters and moved onto an
 * identity there right after the commit (an interruption in between is finished by the startup's link pass).
 * `where.host`: the host the setup page was reached on (lib/request-origin), recorded as the install's own
 * unless one is recorded already; the CLI passes none.
 */
export async function createOwner(raw: SetupInput, where: { host?: string } = {}): Promise<SetupResult> {
  const input = setupInputSchema.parse(raw);
  const platform = await preparePlatform();
  const passwordHash = await hashPassword(platform, input.password);
  const db = await platformDb();
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if ((await tx.workspaceMember.count({ where: { role: "owner" } })) > 0) {
      throw conflict("Portcullis is already set up: an owner exists.", { id: "already_set_up" });
    }
    const userId = newId();
    const workspaceId = newId();
    await tx.user.create({ data: { id: userId, email: input.email, name: input.name, passwordHash } });
    await tx.workspace.create({ data: { id: workspaceId, name: input.workspaceName } });
    await tx.workspaceMember.create({ data: { workspaceId, userId, role: "owner" } });
    let apiKey: string | undefined;
    if (input.withApiKey) {
      const issued = issueToken(WORKSPACE_KEY_PREFIX);
      await tx.workspaceApiKey.create({
        data: { id: newId(), workspaceId, name: "init", prefix: issued.displayPrefix, tokenHash: issued.hash },
      });
      apiKey = issued.token;
    }
    await recordAudit(tx, { workspaceId, actorType: "user", actorId: userId, action: "platform.setup", targetType: "workspace", targetId: workspaceId, data: { email: input.email } });
    // The host the setup page was used on: served from now on when neither PUBLIC_URL nor BASE_DOMAIN is set.
    if (where.host) await recordSetupHost(tx, where.host);
    return { userId, workspaceId, apiKey };
  });
  if (where.host) await setupHostRecorded();
  const identityId = await linkConsoleUser(await platformContext(platform), { id: result.userId, email: input.email, name: input.name, passwordHash });
  return { ...result, identityId };
}
