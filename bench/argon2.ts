import argon2 from "argon2";
import { DEFAULT_ARGON2 } from "@/lib/identity/config";

/**
 * argon2id throughput of `argon2` (node-argon2, C reference implementation on libuv's threadpool) against
 * `@node-rs/argon2` (Rust, its own threads) at the project default parameters, with the concurrency the
 * password hasher allows. `@node-rs/argon2` is not a dependency: to compare, install it somewhere
 * (`npm i --no-save @node-rs/argon2`) or point NODE_RS_ARGON2 at its package directory.
 *
 *   npx tsx bench/argon2.ts
 */
const p = DEFAULT_ARGON2;
const JOBS = Number(process.env.ARGON2_BENCH_JOBS ?? 48);
const PASSWORD = "correct horse battery staple";

interface Candidate {
  name: string;
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

async function nodeRs(): Promise<Candidate | undefined> {
  const specifier = process.env.NODE_RS_ARGON2 ? `${process.env.NODE_RS_ARGON2}/index.js` : "@node-rs/argon2";
  try {
    const mod = (await import(specifier)) as { hash: (pw: string, o: object) => Promise<string>; verify: (h: string, pw: string) => Promise<boolean> };
    const options = { algorithm: 2, memoryCost: p.memoryKiB, timeCost: p.iterations, parallelism: p.parallelism, outputLen: p.keyLength };
    return { name: "@node-rs/argon2", hash: (pw) => mod.hash(pw, options), verify: (h, pw) => mod.verify(h, pw) };
  } catch {
    return undefined;
  }
}

const nodeArgon2: Candidate = {
  name: "argon2",
  hash: (pw) => argon2.hash(pw, { type: argon2.argon2id, memoryCost: p.memoryKiB, timeCost: p.iterations, parallelism: p.parallelism, hashLength: p.keyLength }),
  verify: (h, pw) => argon2.verify(h, pw),
};

/** Runs `jobs` operations with at most `concurrency` in flight; returns operations per second. */
async function throughput(op: () => Promise<unknown>, jobs: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < jobs) await op();
  }));
  return jobs / ((performance.now() - started) / 1000);
}

/** How long the event loop is blocked at worst while hashing (both libraries should keep this near 0). */
async function worstLoopDelay(op: () => Promise<unknown>, jobs: number, concurrency: number): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  await throughput(op, jobs, concurrency);
  clearInterval(timer);
  return worst;
}

export interface Argon2Figure {
  library: string;
  concurrency: number;
  hashesPerSec: number;
  verifiesPerSec: number;
  worstLoopDelayMs: number;
}

/**
 * The machine is shared, so the libraries run interleaved (A, B, A, B, …) for `rounds` rounds and each figure
 * is the best round: noise from other processes only ever makes a round slower.
 */
export async function runArgon2Bench(concurrencies = [1, 2, 4], rounds = 3): Promise<Argon2Figure[]> {
  const candidates = [nodeArgon2, await nodeRs()].filter((c): c is Candidate => Boolean(c));
  const hashes = new Map<string, string>();
  for (const candidate of candidates) {
    hashes.set(candidate.name, await candidate.hash(PASSWORD));
    await throughput(() => candidate.hash(PASSWORD), 4, 2); // warm up
  }
  const best = new Map<string, Argon2Figure>();
  for (let round = 0; round < rounds; round++) {
    for (const concurrency of concurrencies) {
      for (const candidate of candidates) {
        const hash = hashes.get(candidate.name)!;
        const figure: Argon2Figure = {
          library: candidate.name,
          concurrency,
          hashesPerSec: await throughput(() => candidate.hash(PASSWORD), JOBS, concurrency),
          verifiesPerSec: await throughput(() => candidate.verify(hash, PASSWORD), JOBS, concurrency),
          worstLoopDelayMs: await worstLoopDelay(() => candidate.verify(hash, PASSWORD), JOBS / 2, concurrency),
        };
        const key = `${candidate.name}:${concurrency}`;
        const previous = best.get(key);
        best.set(key, previous ? {
          ...previous,
          hashesPerSec: Math.max(previous.hashesPerSec, figure.hashesPerSec),
          verifiesPerSec: Math.max(previous.verifiesPerSec, figure.verifiesPerSec),
          worstLoopDelayMs: Math.min(previous.worstLoopDelayMs, figure.worstLoopDelayMs),
        } : figure);
      }
    }
  }
  return [...best.values()].sort((a, b) => a.library.localeCompare(b.library) || a.concurrency - b.concurrency);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`argon2id m=${p.memoryKiB} KiB, t=${p.iterations}, p=${p.parallelism}, ${JOBS} jobs per figure`);
  console.table(await runArgon2Bench());
}
