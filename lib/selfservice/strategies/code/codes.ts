import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { newId, randomToken } from "@/lib/core/ids";
import type { FlowContext } from "../../flows/types";

export type CodeKind = "recovery" | "verification" | "recovery_link" | "verification_link" | "login" | "registration";
export const CODE_LENGTH = 6;
/** Wrong codes allowed per flow before it must be restarted (bounds guessing a 6-digit code to 5 in 10^6). */
export const MAX_CODE_ATTEMPTS = 5;

const hashFor = (flowId: string, code: string) => createHash("sha256").update(`${flowId}:${code}`).digest("hex");

/**
 * A one-time code for a flow (uniformly random digits, crypto.randomInt); only its SHA-256 (bound to the flow id)
 * is stored, earlier unused codes of the flow stop working. `identityId` null makes a code that can never be
 * redeemed: it is written for unknown addresses so that both paths cost the same — except a registration code
 * (`withoutIdentity` when redeemed), which confirms an address before its identity exists.
 */
export async function issueCode(ctx: FlowContext, input: { kind: CodeKind; flowId: string; identityId: string | null; address: string; lifespanMs: number }): Promise<string> {
  const code = input.kind.endsWith("_link") ? randomToken(32) : String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");
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

/**
 * Counts one attempt on the flow's live codes and redeems the code exactly once. The count is one atomic statement
 * (`UPDATE … SET attempts = attempts + 1 … RETURNING attempts`), so parallel submissions cannot read the same count:
 * all are counted, and only those within `maxAttempts` are checked. The redemption is a conditional update
 * (`used_at IS NULL`), so concurrent right answers cannot both succeed.
 */
export async function redeemCode(ctx: FlowContext, input: { kind: CodeKind; flowId: string; code: string; maxAttempts?: number; withoutIdentity?: boolean }) {
  const live = { flowId: input.flowId, kind: input.kind, usedAt: null, expiresAt: { gt: ctx.now } };
  const counted = await ctx.db.selfServiceCode.updateManyAndReturn({ where: live, data: { attempts: { increment: 1 } } });
  const submitted = Buffer.from(hashFor(input.flowId, input.code.trim()), "hex");
  const match = counted.find((row) => row.attempts <= (input.maxAttempts ?? Infinity) && (input.withoutIdentity || row.identityId !== null) && timingSafeEqual(Buffer.from(row.codeHash, "hex"), submitted));
  if (!match) return undefined;
  const { count } = await ctx.db.selfServiceCode.updateMany({ where: { ...live, id: match.id }, data: { usedAt: ctx.now } });
  return count === 1 ? match : undefined;
}
