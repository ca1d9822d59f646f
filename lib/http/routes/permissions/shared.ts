import { z } from "zod";
import { CONSISTENCY_HEADER, decodeToken, encodeToken } from "@/lib/permissions/consistency";
import { maxDepthSchema } from "@/lib/permissions/api-shapes";
import type { ProjectContext } from "../../context";

/** `consistency_token` (query) or the `X-Ory-Consistency-Token` header: the write a read must reflect. */
export function minimumVersion(ctx: ProjectContext): number | undefined {
  const token = ctx.request.query.get("consistency_token") ?? ctx.request.header(CONSISTENCY_HEADER);
  return token ? decodeToken(ctx.project.id, token) : undefined;
}

export const tokenHeader = (ctx: ProjectContext, version: number) => ({ [CONSISTENCY_HEADER]: encodeToken(ctx.project.id, version) });

export function maxDepth(ctx: ProjectContext): number | undefined {
  return maxDepthSchema.parse(ctx.request.query.get("max-depth") ?? undefined);
}

export const pageSizeSchema = z.coerce.number().int().min(1).max(1000);

export function queryObject(ctx: ProjectContext): Record<string, string> {
  return Object.fromEntries(ctx.request.query);
}
