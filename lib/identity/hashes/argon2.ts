import argon2 from "argon2";
import { decodeBase64, type HashFormat } from "./types";

/**
 * Kratos' decoder (`decodeArgon2idHash`): six `$`-separated parts, version 19, m/t/p parameters, and salt and key
 * in strict unpadded base64. (Kratos reads the parameters as `m=%d,t=%d,p=%d`; node-argon2 writes `m,p,t`, which
 * stays accepted here so hashes exported from Node systems import too.)
 */
function wellFormedArgon2(hash: string): boolean {
  const [empty, , version, params, salt, key, ...extra] = hash.split("$");
  if (empty !== "" || extra.length || version !== "v=19" || !params) return false;
  const names = params.split(",").map((kv) => /^([mtp])=\d+$/.exec(kv)?.[1]);
  if (names.length !== 3 || new Set(names).size !== 3 || names.includes(undefined)) return false;
  return Boolean(decodeBase64(salt, false)?.length && decodeBase64(key, false)?.length);
}

/** PHC strings `$argon2id$v=19$m=…,t=…,p=…$salt$hash` and `$argon2i$…`; argon2 verifies on libuv's threadpool. */
export const argon2Format: HashFormat = {
  name: "argon2",
  matches: (hash) => /^\$argon2(id|i)\$/.test(hash),
  wellFormed: wellFormedArgon2,
  async verify(password, hash) {
    if (!wellFormedArgon2(hash)) return false;
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
