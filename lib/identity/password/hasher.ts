import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import argon2 from "argon2";
import { config } from "@/lib/config";
import { argon2Parameters, type Argon2Parameters, type ConfigHolder } from "../config";
import { argon2idHasParameters, canonicalArgon2, hashFormatOf, verifyHash } from "../hashes";
import { Semaphore } from "./semaphore";

/*
 * Password hashing library: `argon2` (node-argon2: the reference C implementation behind N-API, run on libuv's
 * threadpool) rather than `@node-rs/argon2` (Rust). bench/argon2.ts runs both interleaved at m=19 MiB, t=2,
 * p=1 on this 2-core machine: over two runs neither was consistently ahead (best-of-3 at concurrency 1/2/4:
 * argon2 6.8/5.9/7.5 hashes/s, @node-rs/argon2 5.0/6.8/9.2 — the machine was shared, load average ~17), so the
 * reported 2x did not reproduce: the work is the same memory-hard CPU work in native code either way. The
 * design's choice stands and no second native dependency is added. Figures: BENCHMARKS.md, Identity.
 *
 * Concurrency: argon2 jobs share libuv's threadpool (UV_THREADPOOL_SIZE, 4 by default) with file-system, DNS and
 * other crypto work (token signatures have their own worker: lib/keys/batch-signer.ts). A semaphore bounded to
 * the core count, and to one thread less than the pool, keeps hashing from starving them, and bounds memory (each job holds its memory cost) — the rest queue in
 * FIFO order (503 beyond 10,000 waiting). On machines with more than 3 cores, raise UV_THREADPOOL_SIZE above the
 * core count so that hashing can use every core.
 */
const slots = new Semaphore(Math.max(1, Math.min(availableParallelism(), config().UV_THREADPOOL_SIZE - 1)));

type HashProject = ConfigHolder;

export function hashWithParameters(password: string, p: Argon2Parameters): Promise<string> {
  return slots.run(async () =>
    canonicalArgon2(await argon2.hash(password, { type: argon2.argon2id, memoryCost: p.memoryKiB, timeCost: p.iterations, parallelism: p.parallelism, hashLength: p.keyLength, salt: randomBytes(p.saltLength) })),
  );
}

/** argon2id with the project's parameters (Kratos `hashers.argon2`, OWASP defaults). */
export function hashPassword(project: HashProject, password: string): Promise<string> {
  return hashWithParameters(password, argon2Parameters(project));
}

/** Verifies against any supported hash format, within the same concurrency bound. */
export function verifyPasswordHash(hash: string, password: string): Promise<boolean> {
  return slots.run(() => verifyHash(password, hash));
}

/** True when a stored hash should be replaced: imported formats and argon2id with other parameters. */
export function needsRehash(project: HashProject, hash: string): boolean {
  return !argon2idHasParameters(hash, argon2Parameters(project)) || hashFormatOf(hash)?.name !== "argon2";
}

// A hash to verify against when the identifier is unknown, per parameter set, so timing does not reveal it.
const dummies = new Map<string, Promise<string>>();
export async function verifyAgainstDummy(project: HashProject, password: string): Promise<false> {
  const p = argon2Parameters(project);
  const key = `${p.memoryKiB}:${p.iterations}:${p.parallelism}:${p.keyLength}`;
  let dummy = dummies.get(key);
  if (!dummy) dummies.set(key, (dummy = hashWithParameters("portcullis-timing-equalizer", p)));
  await verifyPasswordHash(await dummy, password);
  return false;
}
