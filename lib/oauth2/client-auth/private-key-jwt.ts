import { createHash } from "node:crypto";
import { jwtVerify } from "jose";
import { Prisma } from "@/lib/db";
import type { ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { invalidClient } from "../errors";
import { clientKeyResolver } from "./client-jwks";

/** Assertions may not live longer than this (bounds the replay cache). */
const MAX_ASSERTION_TTL_S = 3600;

/**
 * RFC 7523 §3 client authentication: iss = sub = client_id, aud names this authorization server (its
 * issuer or token endpoint), exp in the future and not too far, signed by a registered key, and a jti
 * never seen before (replay protection, kept until the assertion expires).
 */
export async function verifyClientAssertion(ctx: OAuth2Context, client: ClientDocument, assertion: string, endpoint: string): Promise<void> {
  const keys = clientKeyResolver(client);
  if (!keys) throw invalidClient("The client has no registered keys.");
  const algorithms = client.token_endpoint_auth_signing_alg ? [client.token_endpoint_auth_signing_alg] : undefined;
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, keys, {
      issuer: client.client_id,
      subject: client.client_id,
      audience: [ctx.issuer, endpoint, `${ctx.issuer}/`],
      algorithms,
      currentDate: ctx.now,
      clockTolerance: 30,
      requiredClaims: ["exp", "jti"],
    }));
  } catch (error) {
    throw invalidClient(`The client assertion is invalid: ${(error as Error).message}`);
  }
  const nowS = Math.floor(ctx.now.getTime() / 1000);
  if (payload.exp! - nowS > MAX_ASSERTION_TTL_S) throw invalidClient(`The client assertion must expire within ${MAX_ASSERTION_TTL_S} seconds.`);
  const id = createHash("sha256").update(`${client.client_id}\u0000${payload.jti}`).digest("base64url");
  await ctx.db.oAuth2UsedJti.deleteMany({ where: { expiresAt: { lt: ctx.now } } }).catch(() => undefined);
  try {
    await ctx.db.oAuth2UsedJti.create({ data: { projectId: ctx.project.id, id, expiresAt: new Date((payload.exp! + 60) * 1000) } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw invalidClient("The client assertion was already used (jti replay).");
    throw error;
  }
}
