import { verify as unixVerify } from "unixcrypt";
import type { HashFormat } from "./types";

/** SHA-crypt (Drepper): `$5$`/`$6$` (optionally `rounds=N$`), or Kratos' `$sha256-crypt$`/`$sha512-crypt$`. */
export const shaCryptFormat: HashFormat = {
  name: "sha-crypt",
  matches: (hash) => /^\$(5|6|sha256-crypt|sha512-crypt)\$/.test(hash),
  // crypt(5): optional rounds, a salt of up to 16 characters, then 43 (SHA-256) or 86 (SHA-512) hash characters.
  wellFormed: (hash) => /^\$(?:5|sha256-crypt)\$(?:rounds=\d+\$)?[^$]*\$[./A-Za-z0-9]{43}$|^\$(?:6|sha512-crypt)\$(?:rounds=\d+\$)?[^$]*\$[./A-Za-z0-9]{86}$/.test(hash),
  async verify(password, hash) {
    const normalized = hash.replace(/^\$sha256-crypt\$/, "$5$").replace(/^\$sha512-crypt\$/, "$6$");
    const rounds = /^\$[56]\$rounds=(\d+)\$/.exec(normalized);
    if (rounds && Number(rounds[1]) > 1_000_000) return false; // bounded work per login attempt
    try {
      return unixVerify(password, normalized);
    } catch {
      return false;
    }
  },
};
