import bcrypt from "bcryptjs";
import type { HashFormat } from "./types";

/** `$2a$`, `$2b$`, `$2y$` (and `$2$`) modular-crypt bcrypt. Passwords over 72 bytes never match, as in Kratos. */
export const bcryptFormat: HashFormat = {
  name: "bcrypt",
  matches: (hash) => /^\$2[abzy]?\$/.test(hash),
  // Modular crypt: cost, then 22 characters of salt and 31 of hash in bcrypt's own base64 alphabet.
  wellFormed: (hash) => /^\$2[abzy]?\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash),
  async verify(password, hash) {
    if (Buffer.byteLength(password) > 72) return false;
    try {
      // bcryptjs knows $2a$/$2b$; $2y$ (PHP) is the same algorithm under another name.
      return await bcrypt.compare(password, hash.replace(/^\$2y\$/, "$2b$"));
    } catch {
      return false;
    }
  },
};
