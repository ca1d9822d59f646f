import argon2 from "argon2";
import type { HashFormat } from "./types";

/** PHC strings `$argon2id$v=19$m=…,t=…,p=…$salt$hash` and `$argon2i$…`; argon2 verifies on libuv's threadpool. */
export const argon2Format: HashFormat = {
  name: "argon2",
  matches: (hash) => /^\$argon2(id|i)\$/.test(hash),
  async verify(password, hash) {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};

function argon2idParameters(hash: string): Record<string, number> | undefined {
  const match = /^\$argon2id\$v=19\$([^$]+)\$/.exec(hash);
  if (!match) return undefined;
  return Object.fromEntries(match[1]!.split(",").map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));
}

/** True when an argon2id hash was made with exactly these parameters (so no rehash is needed). */
export function argon2idHasParameters(hash: string, p: { memoryKiB: number; iterations: number; parallelism: number }): boolean {
  const params = argon2idParameters(hash);
  return Boolean(params && params.m === p.memoryKiB && params.t === p.iterations && params.p === p.parallelism);
}

/**
 * node-argon2 writes the parameters in alphabetical order (`m=…,p=…,t=…`); the PHC string format and Kratos'
 * decoder (`m=%d,t=%d,p=%d`) expect `m,t,p`. Reordering keeps exported hashes importable into Kratos.
 */
export function canonicalArgon2(hash: string): string {
  return hash.replace(/^(\$argon2(?:id|i|d)\$v=\d+\$)([^$]+)(\$)/, (_all, head: string, params: string, tail: string) => {
    const map = Object.fromEntries(params.split(",").map((kv) => kv.split("=") as [string, string]));
    const ordered = ["m", "t", "p"].filter((k) => map[k] !== undefined).map((k) => `${k}=${map[k]}`);
    const rest = Object.keys(map).filter((k) => !["m", "t", "p"].includes(k)).map((k) => `${k}=${map[k]}`);
    return head + [...ordered, ...rest].join(",") + tail;
  });
}
