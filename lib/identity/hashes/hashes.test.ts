import { createHash, createHmac, pbkdf2Sync, randomBytes, scryptSync, createCipheriv } from "node:crypto";
import argon2 from "argon2";
import bcrypt from "bcryptjs";
import { encrypt as shaCrypt } from "unixcrypt";
import { describe, expect, it } from "vitest";
import { canonicalArgon2 } from "./argon2";
import { hashFormatOf, verifyHash } from "./index";
import { md5Crypt } from "./md5-crypt";

const PASSWORD = "Tr0ub4dor&3 — ünïcode";
const raw = (b: Buffer) => b.toString("base64").replace(/=+$/, "");
const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64");

async function expectFormat(hash: string, name: string) {
  expect(hashFormatOf(hash)?.name).toBe(name);
  expect(await verifyHash(PASSWORD, hash)).toBe(true);
  expect(await verifyHash(PASSWORD + "x", hash)).toBe(false);
}

describe("imported password hash formats (Kratos hash_comparator)", () => {
  it("argon2id and argon2i (PHC), in either parameter order", async () => {
    const id = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1 });
    await expectFormat(id, "argon2");
    await expectFormat(canonicalArgon2(id), "argon2");
    expect(canonicalArgon2(id)).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=\d+\$/);
    await expectFormat(await argon2.hash(PASSWORD, { type: argon2.argon2i, memoryCost: 8192, timeCost: 1 }), "argon2");
  });

  it("bcrypt $2a$, $2b$ and $2y$", async () => {
    const hash = bcrypt.hashSync(PASSWORD, 4);
    await expectFormat(hash, "bcrypt");
    await expectFormat(hash.replace(/^\$2.\$/, "$2a$"), "bcrypt");
    await expectFormat(hash.replace(/^\$2.\$/, "$2y$"), "bcrypt");
    expect(await verifyHash("x".repeat(80), bcrypt.hashSync("x".repeat(80), 4))).toBe(false); // > 72 bytes never matches
  });

  it("pbkdf2 with sha1, sha256 and sha512", async () => {
    for (const digest of ["sha1", "sha256", "sha512"]) {
      const salt = randomBytes(16);
      const key = pbkdf2Sync(PASSWORD, salt, 1000, 32, digest);
      await expectFormat(`$pbkdf2-${digest}$i=1000,l=32$${raw(salt)}$${raw(key)}`, "pbkdf2");
    }
  });

  it("scrypt (ln is N, as Kratos reads it)", async () => {
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 });
    await expectFormat(`$scrypt$ln=16384,r=8,p=1$${b64(salt)}$${b64(key)}`, "scrypt");
  });

  it("firebase scrypt", async () => {
    const salt = randomBytes(12);
    const separator = Buffer.from("Bw==", "base64");
    const signer = randomBytes(64);
    const derived = scryptSync(PASSWORD, Buffer.concat([salt, separator]), 32, { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const cipher = createCipheriv("aes-256-ctr", derived, Buffer.alloc(16));
    const hash = Buffer.concat([cipher.update(signer), cipher.final()]);
    await expectFormat(`$firescrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(hash)}$${b64(separator)}$${b64(signer)}`, "firebase-scrypt");
  });

  it("md5-crypt matches OpenSSL's `passwd -1` and Kratos' $md5-crypt$ spelling", async () => {
    expect(md5Crypt("password", "saltsalt")).toBe("$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"); // openssl passwd -1 -salt saltsalt password
    expect(await verifyHash("password", "$md5-crypt$saltsalt$qjXMvbEw8oaL.CzflDtaK/")).toBe(true);
    await expectFormat(md5Crypt(PASSWORD, "abcdefgh"), "md5-crypt");
  });

  it("sha-crypt $5$/$6$ (unixcrypt; OpenSSL vector) and Kratos' $sha512-crypt$", async () => {
    const openssl = "$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/";
    expect(await verifyHash("password", openssl)).toBe(true);
    expect(await verifyHash("password", openssl.replace("$6$", "$sha512-crypt$"))).toBe(true);
    await expectFormat(shaCrypt(PASSWORD, "$5$rounds=5000$abcdefgh"), "sha-crypt");
    await expectFormat(shaCrypt(PASSWORD, "$6$abcdefgh"), "sha-crypt");
  });

  it("ssha, ssha256, ssha512", async () => {
    for (const [tag, digest] of [["SSHA", "sha1"], ["SSHA256", "sha256"], ["SSHA512", "sha512"]] as const) {
      const salt = randomBytes(8);
      const sum = createHash(digest).update(PASSWORD).update(salt).digest();
      await expectFormat(`{${tag}}${b64(Buffer.concat([sum, salt]))}`, "ssha");
    }
  });

  it("salted sha and md5 with a salting format, and plain md5", async () => {
    const pf = b64("{SALT}${PASSWORD}"); // literal salting format: salt, "$", password
    const salt = "pepper";
    const input = `${salt}$${PASSWORD}`;
    await expectFormat(`$sha256$pf=${pf}$${b64(salt)}$${b64(createHash("sha256").update(input).digest())}`, "sha");
    await expectFormat(`$md5$pf=${pf}$${b64(salt)}$${b64(createHash("md5").update(input).digest())}`, "md5");
    await expectFormat(`$md5$${b64(createHash("md5").update(PASSWORD).digest())}`, "md5");
  });

  it("hmac (base64 of the hex digest, base64 key)", async () => {
    const key = randomBytes(16);
    const hex = createHmac("sha256", key).update(PASSWORD).digest("hex");
    await expectFormat(`$hmac-sha256$${b64(hex)}$${b64(key)}`, "hmac");
  });

  it("never matches unknown or malformed hashes", async () => {
    for (const hash of ["", "plain", "$unknown$x", "$pbkdf2-sha256$i=x$y$z", "$scrypt$ln=3,r=8,p=1$AA==$AA==", "{SSHA}!!", "$1$short"]) {
      expect(await verifyHash(PASSWORD, hash)).toBe(false);
    }
  });
});
