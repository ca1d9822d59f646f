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

/** True when an argon2id hash was made with exactly these parameters (so no rehash is needed). */
export function argon2idHasParameters(hash: string, p: { memoryKiB: number; iterations: number; parallelism: number }): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  return Boolean(match && Number(match[1]) === p.memoryKiB && Number(match[2]) === p.iterations && Number(match[3]) === p.parallelism);
}
