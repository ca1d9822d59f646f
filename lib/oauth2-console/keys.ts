import { z } from "zod";
import { createKey, deleteKeys, keySetNameSchema, rotateKeySet, SIGNING_ALGORITHMS, auditChange, ID_TOKEN_SET, ACCESS_TOKEN_SET } from "@/lib/keys";
import type { OAuth2Context } from "@/lib/oauth2/context";
import { keyRetentionMs } from "@/lib/oauth2/key-retention";

/** A key as the console lists it: identifiers, state and dates. Never the private part. */
export interface KeySummary {
  kid: string;
  alg: string;
  use: string;
  /** next: published, signs after the next rotation · current: signs now · retired: verifies until expiresAt · public: imported. */
  state: "next" | "current" | "retired" | "public";
  createdAt: Date;
  activeAt: Date | null;
  retiredAt: Date | null;
  expiresAt: Date | null;
}

export interface KeySetSummary {
  name: string;
  keys: KeySummary[];
}

const STATE_ORDER = { current: 0, next: 1, retired: 2, public: 3 } as const;
const displayState = (state: string): KeySummary["state"] => (state === "active" ? "current" : state === "next" || state === "retired" ? state : "public");

/** The project's key sets; the built-in ID token and access token sets first. */
export async function listKeySets(ctx: Pick<OAuth2Context, "db">): Promise<KeySetSummary[]> {
  const rows = await ctx.db.oAuth2JsonWebKey.findMany({
    select: { setName: true, kid: true, alg: true, use: true, state: true, createdAt: true, activeAt: true, retiredAt: true, expiresAt: true },
    orderBy: [{ setName: "asc" }, { createdAt: "desc" }],
  });
  const sets = new Map<string, KeySummary[]>();
  for (const { setName, state, ...row } of rows) {
    const list = sets.get(setName) ?? [];
    list.push({ ...row, state: displayState(state) });
    sets.set(setName, list);
  }
  const builtIn = [ID_TOKEN_SET, ACCESS_TOKEN_SET];
  const rank = (name: string) => (builtIn.includes(name) ? builtIn.indexOf(name) : builtIn.length);
  return [...sets.entries()]
    .map(([name, keys]) => ({ name, keys: keys.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]) }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export const createKeyFormSchema = z.object({
  set: keySetNameSchema.or(z.literal("").transform(() => ID_TOKEN_SET)),
  alg: z.enum(SIGNING_ALGORITHMS, "invalid"),
  use: z.enum(["sig", "enc"], "invalid"),
});

/** Generates a key in a set (Hydra's createJsonWebKeySet); the private key the lib returns once is dropped here. */
export async function createConsoleKey(ctx: OAuth2Context, input: z.infer<typeof createKeyFormSchema>): Promise<{ kid: string }> {
  const { keys } = await createKey(ctx, input.set, { alg: input.alg, use: input.use });
  return { kid: String(keys[0]?.kid ?? "") };
}

/**
 * Rotates a set now: its next key signs, the current key is retired but stays published as long as tokens it
 * signed can live. Audited, as every key change is.
 */
export async function rotateConsoleKeySet(ctx: OAuth2Context, setName: string): Promise<{ rotated: string[] }> {
  const result = await rotateKeySet(ctx, setName, { retainForMs: await keyRetentionMs(ctx) });
  await auditChange(ctx, ctx.db, "oauth2.jwk_set.rotated", "jwk_set", setName, { promoted: result.rotated });
  return result;
}

export const deleteConsoleKeys = (ctx: OAuth2Context, setName: string, kid?: string) => deleteKeys(ctx, setName, kid);
