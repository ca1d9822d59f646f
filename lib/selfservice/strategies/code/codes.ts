import { createHash, randomInt } from "node:crypto";
import { newId, randomToken } from "@/lib/core/ids";
import type { FlowContext } from "../../flows/types";

export type CodeKind = "recovery" | "verification" | "recovery_link";
export const CODE_LENGTH = 6;
/** Wrong codes allowed per flow before it must be restarted (bounds guessing a 6-digit code to 5 in 10^6). */
export const MAX_CODE_ATTEMPTS = 5;

const hashFor = (flowId: string, code: string) => createHash("sha256").update(`${flowId}:${code}`).digest("hex");

/**
 * A one-time code for a flow (uniformly random digits, crypto.randomInt); only its SHA-256 (bound to the flow id)
 * is stored, earlier unused codes of the flow stop working. `identityId` null makes a code that can never be
 * redeemed: it is written for unknown addresses so that both paths cost the same.
 */
export async function issueCode(ctx: FlowContext, input: { kind: CodeKind; flowId: string; identityId: string | null; address: string; lifespanMs: number }): Promise<string> {
  const code = input.kind === "recovery_link" ? randomToken(32) : String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");
  await ctx.db.$transaction([
    ctx.db.selfServiceCode.updateMany({ where: { flowId: input.flowId, kind: input.kind, usedAt: null }, data: { expiresAt: ctx.now } }),
    ctx.db.selfServiceCode.create({
      data: {
        projectId: ctx.project.id,
        id: newId(),
        kind: input.kind,
        flowId: input.flowId,
        identityId: input.identityId,
        address: input.address,
        codeHash: hashFor(input.flowId, code),
        expiresAt: new Date(ctx.now.getTime() + input.lifespanMs),
        createdAt: ctx.now,
      },
    }),
  ]);
  return code;
}

/** Redeems a code exactly once (a conditional update: concurrent submissions cannot both succeed). */
export async function redeemCode(ctx: FlowContext, input: { kind: CodeKind; flowId: string; code: string }) {
  const codeHash = hashFor(input.flowId, input.code.trim());
  const where = { flowId: input.flowId, kind: input.kind, codeHash, usedAt: null, expiresAt: { gt: ctx.now }, identityId: { not: null } };
  const row = await ctx.db.selfServiceCode.findFirst({ where });
  if (!row) return undefined;
  const { count } = await ctx.db.selfServiceCode.updateMany({ where: { ...where, id: row.id }, data: { usedAt: ctx.now } });
  return count === 1 ? row : undefined;
}
