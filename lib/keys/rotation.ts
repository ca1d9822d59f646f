import type { Prisma } from "@/lib/db/generated/client";
import { generateJwk, type SigningAlgorithm } from "./algorithms";
import { sealSecret } from "./encryption";
import { invalidateProjectKeys, sealContext, type KeyScope, type KeyState } from "./store";

type KeyWrite = Prisma.OAuth2JsonWebKeyUncheckedCreateInput;

/** A generated key as a row to insert, private part sealed. */
export async function generatedKeyRow(scope: KeyScope, setName: string, alg: SigningAlgorithm, state: KeyState, kid?: string, use: "sig" | "enc" = "sig"): Promise<KeyWrite & { privateJwkPlain: object }> {
  const jwk = await generateJwk(alg, use, kid);
  return {
    projectId: scope.project.id,
    setName,
    kid: jwk.kid,
    alg,
    use,
    state,
    publicJwk: jwk.publicJwk as object,
    privateJwk: await sealSecret(JSON.stringify(jwk.privateJwk), sealContext(scope.project.id, setName, jwk.kid)),
    createdAt: scope.now,
    activeAt: state === "active" ? scope.now : null,
    privateJwkPlain: jwk.privateJwk,
  };
}

const toRow = ({ privateJwkPlain: _plain, ...row }: KeyWrite & { privateJwkPlain: object }): KeyWrite => row;

/** First use of a set: an active key plus the next one, already published. */
export async function provisionKeyPair(scope: KeyScope, setName: string, alg: SigningAlgorithm): Promise<void> {
  const active = await generatedKeyRow(scope, setName, alg, "active");
  const next = await generatedKeyRow(scope, setName, alg, "next");
  await scope.db.oAuth2JsonWebKey.createMany({ data: [toRow(active), toRow(next)] });
}

export interface RotationOptions {
  /** Retired keys stay published this long: the longest lifetime of a token they signed. */
  retainForMs: number;
  /** Only rotate this algorithm's keys (default: every algorithm with an active key in the set). */
  alg?: SigningAlgorithm;
  /** Only promote a next key published at least this long (automatic rotation); explicit rotation passes 0. */
  onlyPublishedFor?: number;
}

/**
 * Rotation: the published next key becomes active, the active key is retired (still published for
 * verification until the tokens it signed expire), and a new next key is published. Expired retired keys
 * are deleted. Concurrent rotations are harmless: promotion is a conditional update.
 */
export async function rotateKeySet(scope: KeyScope, setName: string, options: RotationOptions): Promise<{ rotated: string[] }> {
  const { db, now } = scope;
  const rows = await db.oAuth2JsonWebKey.findMany({ where: { setName }, orderBy: { createdAt: "asc" } });
  const algs = [...new Set(rows.filter((r) => r.state === "active" && (!options.alg || r.alg === options.alg)).map((r) => r.alg as SigningAlgorithm))];
  const rotated: string[] = [];
  const fresh = await Promise.all(algs.map((alg) => generatedKeyRow(scope, setName, alg, "next")));
  await db.$transaction(async (tx) => {
    for (const [index, alg] of algs.entries()) {
      const next = rows.filter((r) => r.alg === alg && r.state === "next" && r.privateJwk).at(-1);
      if (!next || (options.onlyPublishedFor !== undefined && now.getTime() - next.createdAt.getTime() < options.onlyPublishedFor)) {
        if (!next) await tx.oAuth2JsonWebKey.create({ data: toRow(fresh[index]) });
        continue;
      }
      const promoted = await tx.oAuth2JsonWebKey.updateMany({ where: { setName, kid: next.kid, state: "next" }, data: { state: "active", activeAt: now } });
      if (promoted.count === 0) continue;
      await tx.oAuth2JsonWebKey.updateMany({
        where: { setName, alg, state: "active", kid: { not: next.kid } },
        data: { state: "retired", retiredAt: now, expiresAt: new Date(now.getTime() + options.retainForMs) },
      });
      await tx.oAuth2JsonWebKey.create({ data: toRow(fresh[index]) });
      rotated.push(next.kid);
    }
    await tx.oAuth2JsonWebKey.deleteMany({ where: { setName, state: "retired", expiresAt: { lt: now } } });
  });
  invalidateProjectKeys(scope.project.id);
  return { rotated };
}
